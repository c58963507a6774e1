package org.pathwayengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pathwayengine.cli.internal.FileInputs;

/**
 * Formats users already hold, recognised by content or named with --input-format / --learner-format
 * (real files copied from /work/shared/data/interop).
 */
class OtherFormatsTest {
  private static final String DIR = "src/test/resources/files/";
  private static final String BADGR = DIR + "badgr_pathway_export_EmpoweringTeachingExcellence.json";
  private static final String CTDL = DIR + "ctdl_pathway_CompTIA_IT_Networking_Specialist.jsonld";
  private static final String OB3 = DIR + "ob30_OpenBadgeCredential_complete.json";

  private final CliRunner cli = new CliRunner().fallback(new FileInputs());

  @Test
  void aBadgrExportIsRecognisedAndValidated() {
    CliRunner.Run r = cli.run("validate", BADGR);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith(BADGR + ":21:34: warning INVALID_VALUE: "), r.out());
    assertTrue(r.out().endsWith("1 file checked: 0 errors, 1 warning\n"), r.out());
  }

  @Test
  void aCtdlPathwayIsAnalysed() {
    CliRunner.Run r = cli.run("analyze", CTDL, "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"longestPath\": [\"comptia-a\", "), r.out());
    CliRunner.Run named = cli.run("analyze", CTDL, "--input-format", "ctdl", "--format", "json");
    assertEquals(r.out(), named.out());
  }

  @Test
  void theWrongInputFormatIsAProblemNotACrash() {
    CliRunner.Run r = cli.run("validate", CTDL, "--input-format", "badgr");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains(CTDL + ":"), r.out());
  }

  @Test
  void anOpenBadgesCredentialIsALearnerRecord() {
    // The CTDL pathway, not the Badgr one: its 4-of-21 rules make exact progress slow to compute.
    CliRunner.Run r = cli.run("status", CTDL, "--learner", OB3, "--as-of", "2026-01-01",
        "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("{\n  \"learner\": \"did:example:ebfeb1f712ebc6f1c276e12ec21\","),
        r.out());
    assertTrue(r.out().contains("\"unmatched\": [\"https://1edtech.edu/achievements/degree\"],"),
        r.out());
    CliRunner.Run named = cli.run("status", CTDL, "--learner", OB3, "--learner-format", "ob",
        "--as-of", "2026-01-01", "--format", "json");
    assertEquals(r.out(), named.out());
  }
}
