package org.pathwayengine.core.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Eligibility;
import org.pathwayengine.core.EvaluationOptions;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Progress;
import org.pathwayengine.core.Scenario;
import org.pathwayengine.core.Scenario.ExpectedRemaining;
import org.pathwayengine.core.ScenarioResult;

/**
 * Checks scenarios (SPEC section 6) against one pathway. Progress is planned only for the credentials
 * a scenario's {@code remaining} names. Immutable and thread-safe.
 */
public final class ScenarioCheck {
  private final Pathway pathway;
  private final EvaluationEngine engine;

  /** A checker for the scenarios of {@code pathway}. */
  public ScenarioCheck(Pathway pathway) {
    this.pathway = requireNonNull(pathway, "pathway");
    this.engine = new EvaluationEngine(pathway);
  }

  /** Runs one scenario: one failure message per unmet expectation. */
  public ScenarioResult run(Scenario scenario) {
    LearnerState state = engine.state(scenario.learner(), scenario.asOf());
    Scenario.Expectation expect = scenario.expect();
    List<String> failures = new ArrayList<>();
    List<String> eligible = state.eligible().stream().map(Eligibility::badge).toList();
    check(expect.held(), true, "held", state::isHeld, state.held(), failures);
    check(expect.eligible(), true, "eligible", state::isEligible, eligible, failures);
    check(expect.notEligible(), false, "eligible", state::isEligible, eligible, failures);
    for (Map.Entry<String, ExpectedRemaining> e : expect.remaining().entrySet()) {
      checkRemaining(state, e.getKey(), e.getValue(), failures);
    }
    return new ScenarioResult(scenario.name(), failures);
  }

  private void check(List<String> names, boolean wanted, String what, Predicate<String> is,
      List<String> found, List<String> failures) {
    for (String name : names) {
      Optional<String> id = pathway.resolve(name);
      if (id.isEmpty()) {
        failures.add("expected " + name + (wanted ? " to be " : " not to be ") + what
            + ", but the pathway has no badge '" + name + "'");
      } else if (is.test(id.get()) != wanted) {
        failures.add("expected " + id.get() + (wanted ? " to be " : " not to be ") + what
            + ", but it " + (wanted ? "is not" : "is") + "; " + what + ": " + found);
      }
    }
  }

  private void checkRemaining(LearnerState state, String name, ExpectedRemaining expected,
      List<String> failures) {
    Optional<String> id = pathway.resolve(name);
    if (id.isEmpty() || !pathway.badge(id.get()).map(Badge::isStacked).orElse(false)) {
      failures.add("expected remaining badges for " + name + ", but the pathway has no stacked "
          + "credential '" + name + "'");
      return;
    }
    Progress p = engine.progress(state, id.get(), EvaluationOptions.defaults());
    List<String> wantedSet = expected.badges().orElse(List.of()).stream()
        .map(n -> pathway.resolve(n).orElse(n)).sorted().toList();
    String want = expected.count().isPresent()
        ? expected.count().getAsInt() + " remaining badge(s)"
        : "remaining " + wantedSet;
    if (!p.reachable()) {
      failures.add("expected " + want + " for " + id.get() + ", but it can no longer be completed");
      return;
    }
    boolean ok = expected.count().isPresent()
        ? p.remaining().size() == expected.count().getAsInt()
        : p.remaining().equals(wantedSet);
    if (!ok) {
      failures.add("expected " + want + " for " + id.get() + ", but found " + p.remaining().size()
          + ": " + p.remaining()
          + (p.optimal() ? "" : " (not proven minimal: the search ran out of budget)"));
    }
  }
}
