package org.pathwayengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Ann on the mini pathway on 2026-01-01: holds alpha; delta expired on 2025-06-01; beta, gamma and
 * delta are eligible (gamma still misses its co-requisite beta); the credential needs one of beta
 * and delta.
 */
class StatusCommandTest {
  private final CliRunner cli = new CliRunner()
      .pathway("mini.yaml", Fixtures.mini())
      .learner("ann.yaml", Fixtures.ann());

  @Test
  void textShowsTablesAndAProgressBar() {
    CliRunner.Run r = cli.run("status", "mini.yaml", "--learner", "ann.yaml", "--as-of",
        "2026-01-01");
    assertEquals(0, r.code(), r.err());
    Golden.check("status-ann.txt", r.out());
    assertTrue(r.out().contains("  Mini Credential  █████░░░░░  1/2  remaining: "), r.out());
    assertEquals("", r.err());
  }

  @Test
  void jsonHasTheFieldsOfTheContract() {
    CliRunner.Run r = cli.run("status", "mini.yaml", "--learner", "ann.yaml", "--as-of",
        "2026-01-01", "--format", "json", "--cost", "hours");
    assertEquals(0, r.code(), r.err());
    Golden.check("status-ann.json", r.out());
  }

  @Test
  void whatIfAddsBadgesEarnedOnTheDate() {
    CliRunner.Run r = cli.run("status", "mini.yaml", "--learner", "ann.yaml", "--as-of",
        "2026-01-01", "--what-if", "beta", "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"whatIf\": [\"beta\"],\n  \"held\": [\"alpha\", \"beta\", \"cred\"],"),
        r.out());
    assertTrue(r.out().contains("\"credential\": \"cred\",\n      \"complete\": true,\n"
        + "      \"remaining\": [],"), r.out());
    CliRunner.Run text = cli.run("status", "mini.yaml", "--learner", "ann.yaml", "--as-of",
        "2026-01-01", "--what-if", "beta,delta");
    assertTrue(text.out().contains("what if beta, delta were earned on 2026-01-01\n"), text.out());
    assertTrue(text.out().contains("  Mini Credential  ██████████  3/3  complete\n"), text.out());
  }

  @Test
  void theTotalBudgetIsSharedAmongTheCredentials() {
    CliRunner shared = new CliRunner()
        .pathway("shared.yaml", Fixtures.sharedPrerequisite())
        .learner("nobody.yaml", org.pathwayengine.core.LearnerRecord.builder("nobody").build());
    CliRunner.Run exact = shared.run("status", "shared.yaml", "--learner", "nobody.yaml",
        "--as-of", "2026-01-01");
    assertEquals(0, exact.code(), exact.err());
    assertEquals(3, count(exact.out(), "remaining: c, d, q\n"), exact.out());
    // Three nodes for three credentials: one each, the first plan found.
    CliRunner.Run tight = shared.run("status", "shared.yaml", "--learner", "nobody.yaml",
        "--as-of", "2026-01-01", "--total-budget", "3");
    assertEquals(0, tight.code(), tight.err());
    assertEquals(3, count(tight.out(),
        "remaining: a, b, p1, p2 \\(best found, not proven minimal\\)\n"), tight.out());
    CliRunner.Run each = shared.run("status", "shared.yaml", "--learner", "nobody.yaml",
        "--as-of", "2026-01-01", "--budget", "1");
    assertEquals(tight.out(), each.out());
  }

  private static int count(String text, String regex) {
    return (int) java.util.regex.Pattern.compile(regex).matcher(text).results().count();
  }

  @Test
  void theDateDecidesWhatHasExpired() {
    CliRunner.Run r = cli.run("status", "mini.yaml", "--learner", "ann.yaml", "--as-of",
        "2025-05-31", "--format", "json");
    assertTrue(r.out().contains("\"held\": [\"alpha\", \"cred\", \"delta\"],\n  \"expired\": [],"),
        r.out());
  }

  @Test
  void withoutAsOfTheDateIsToday() {
    // CliRunner's today is 2026-01-01.
    CliRunner.Run r = cli.run("status", "mini.yaml", "--learner", "ann.yaml");
    assertTrue(r.out().startsWith("ann on 2026-01-01 · Mini Pathway"), r.out());
  }
}
