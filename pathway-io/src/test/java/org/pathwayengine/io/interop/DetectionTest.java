package org.pathwayengine.io.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pathwayengine.io.interop.Resources.BADGR;
import static org.pathwayengine.io.interop.Resources.CLR20;
import static org.pathwayengine.io.interop.Resources.CTDL_COMPTIA;
import static org.pathwayengine.io.interop.Resources.CTDL_FROM_BADGR;
import static org.pathwayengine.io.interop.Resources.CTDL_SNIPPET;
import static org.pathwayengine.io.interop.Resources.OB20_BADGECLASS;
import static org.pathwayengine.io.interop.Resources.OB30_CREDENTIAL;
import static org.pathwayengine.io.interop.Resources.bytes;
import static org.pathwayengine.io.interop.Resources.json;
import static org.pathwayengine.io.interop.Resources.path;
import static org.pathwayengine.io.interop.Resources.utf8;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.ProblemCode;

class DetectionTest {
  @Test
  void pathwayFormatsAreRecognisedByContent() {
    assertEquals(Optional.of(InteropFormat.CTDL), Interop.detectPathwayFormat(bytes(CTDL_COMPTIA), "x.json"));
    assertEquals(Optional.of(InteropFormat.CTDL), Interop.detectPathwayFormat(bytes(CTDL_FROM_BADGR), "x"));
    assertEquals(Optional.of(InteropFormat.BADGR), Interop.detectPathwayFormat(bytes(BADGR), "x.jsonld"));
    assertEquals(Optional.of(InteropFormat.OPEN_BADGES),
        Interop.detectPathwayFormat(bytes(OB20_BADGECLASS), "x.jsonld"));
    assertEquals(Optional.of(InteropFormat.OPEN_BADGES),
        Interop.detectPathwayFormat(json("[{'type': ['Achievement'], 'name': 'A'}]"), "a.json"));
    // a native pathway or anything else: not ours
    assertEquals(Optional.empty(),
        Interop.detectPathwayFormat(json("{'pathway': 'p', 'version': '1', 'badges': []}"), "p.json"));
    assertEquals(Optional.empty(), Interop.detectPathwayFormat(utf8("pathway: p\nversion: 1\n"), "p.yaml"));
    // not JSON: the extension decides
    assertEquals(Optional.empty(), Interop.detectPathwayFormat(bytes(CTDL_SNIPPET), "s.json"));
    assertEquals(Optional.of(InteropFormat.CTDL), Interop.detectPathwayFormat(bytes(CTDL_SNIPPET), "s.jsonld"));
    assertEquals(Optional.of(InteropFormat.CTDL), Interop.detectPathwayFormat(json("{}"), "s.jsonld"));
  }

  @Test
  void readingWithoutAFormatDetectsIt() {
    assertEquals("ete-pathways", Resources.valueOf(Interop.readPathway(path(BADGR))).id());
    assertEquals("it-networking-specialist-pathway",
        Resources.valueOf(Interop.readPathway(path(CTDL_COMPTIA))).id());
    assertEquals(ProblemCode.SCHEMA_ERROR,
        Interop.readPathway(json("{'a': 1}"), "a.json").errors().get(0).code());
    assertEquals(ProblemCode.PARSE_ERROR,
        Interop.readPathway(path("no-such-file.json")).errors().get(0).code());
  }

  @Test
  void anExplicitFormatOverridesDetection() {
    // the CLI's --input-format: the named format is read, whatever the content or the extension say
    var asBadgr = Interop.readPathway(path(CTDL_COMPTIA), InteropFormat.BADGR);
    assertEquals(ProblemCode.SCHEMA_ERROR, asBadgr.errors().get(0).code());
    assertEquals(true, asBadgr.errors().get(0).message().contains("not a Badgr pathway export"));
    var asOb = Interop.readPathway(bytes(BADGR), "export.jsonld", InteropFormat.OPEN_BADGES);
    assertEquals(ProblemCode.SCHEMA_ERROR, asOb.errors().get(0).code());
  }

  @Test
  void learnerFormatsAreRecognisedByContent() {
    assertEquals(Optional.of(CredentialFormat.OPEN_BADGES_3_CREDENTIAL),
        Interop.detectLearnerFormat(bytes(OB30_CREDENTIAL)));
    assertEquals(Optional.of(CredentialFormat.CLR_2), Interop.detectLearnerFormat(bytes(CLR20)));
    assertEquals(Optional.of(CredentialFormat.OPEN_BADGES_2_ASSERTION),
        Interop.detectLearnerFormat(json("{'type': 'Assertion'}")));
    assertEquals(Optional.of(CredentialFormat.ARRAY),
        Interop.detectLearnerFormat(json("[{'type': ['VerifiableCredential', 'AchievementCredential']}]")));
    assertEquals(Optional.empty(), Interop.detectLearnerFormat(json("{'learner': 'alice'}")));
    assertEquals(Optional.empty(), Interop.detectLearnerFormat(utf8("learner: alice\n")));
  }
}
