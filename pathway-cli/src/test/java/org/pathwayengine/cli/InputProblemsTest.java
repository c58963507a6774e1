package org.pathwayengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.core.SourceLocation;

/**
 * Commands other than validate on inputs with problems: an invalid pathway exits 1, a pathway that
 * cannot be read at all or a learner record with errors exits 2; the problems go to standard error.
 */
class InputProblemsTest {
  private static final Problem CYCLE = Fixtures.error(ProblemCode.CYCLE,
      "alpha and beta require each other", "p.yaml", 3, 5, "alpha");
  private static final Problem PARSE = Problem.of(ProblemCode.PARSE_ERROR, "a tab is not indentation")
      .withLocation(new SourceLocation("p.yaml", 2, 1));

  @ParameterizedTest
  @ValueSource(strings = {"status p.yaml --learner ann.yaml", "explain p.yaml alpha --learner ann.yaml",
      "test p.yaml", "render p.yaml --to dot", "render p.yaml --to mermaid --learner ann.yaml"})
  void anInvalidPathwayExitsOne(String args) {
    for (String format : new String[] {"text", "json"}) {
      CliRunner.Run r = new CliRunner().pathway("p.yaml", Fixtures.mini(), CYCLE)
          .learner("ann.yaml", Fixtures.ann())
          .run((args + " --format " + format).split(" "));
      assertEquals(1, r.code(), r.err());
      assertEquals("p.yaml:3:5: error CYCLE: alpha and beta require each other\n"
          + "pathway: p.yaml is not a valid pathway (1 error); fix it first: pathway validate p.yaml\n",
          r.err());
      assertEquals("", r.out());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"status p.yaml --learner ann.yaml", "explain p.yaml alpha --learner ann.yaml",
      "test p.yaml", "render p.yaml --to dot"})
  void aPathwayThatCannotBeReadExitsTwo(String args) {
    CliRunner.Run r = new CliRunner().pathway("p.yaml", null, PARSE)
        .learner("ann.yaml", Fixtures.ann())
        .run(args.split(" "));
    assertEquals(2, r.code(), r.err());
    assertEquals("p.yaml:2:1: error PARSE_ERROR: a tab is not indentation\n"
        + "pathway: cannot read the pathway in p.yaml\n", r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"status p.yaml --learner ann.yaml", "explain p.yaml alpha --learner ann.yaml",
      "render p.yaml --to dot --learner ann.yaml"})
  void aLearnerRecordWithErrorsExitsTwo(String args) {
    Problem bad = Problem.of(ProblemCode.INVALID_VALUE, "'2025-02-30' is not a date")
        .withLocation(new SourceLocation("ann.yaml", 4, 30));
    CliRunner.Run r = new CliRunner().pathway("p.yaml", Fixtures.mini())
        .learner("ann.yaml", Fixtures.ann(), bad)
        .run(args.split(" "));
    assertEquals(2, r.code(), r.err());
    assertEquals("ann.yaml:4:30: error INVALID_VALUE: '2025-02-30' is not a date\n"
        + "pathway: cannot read the learner record in ann.yaml\n", r.err());
  }
}
