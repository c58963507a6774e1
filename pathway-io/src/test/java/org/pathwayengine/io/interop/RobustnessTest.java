package org.pathwayengine.io.interop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pathwayengine.io.ReadResult;

/** Bad input of every kind gives problems or a value, never an exception. */
class RobustnessTest {
  private static final List<String> INPUTS = List.of(
      "", "   ", "null", "42", "\"text\"", "[]", "{}", "[1, \"a\", null, {}]",
      "{\"type\": \"BadgeClass\", \"name\": \"A\", \"creditsAvailable\": 1e400}",
      "{\"type\": [\"Achievement\"], \"name\": {\"x\": 1}, \"alignment\": 3, \"tag\": {\"a\": 1}}",
      "{\"@graph\": [{\"@type\": \"ceterms:BasicComponent\", \"ceterms:creditValue\": 1e400,"
          + " \"pwe:hours\": -1, \"pwe:validFor\": \"P1000000000000Y\", \"ceterms:hasCondition\": [7, {\"ceterms:requiredNumber\": 99999999999,"
          + " \"ceterms:hasConstraint\": [\"x\", {\"ceterms:rightSource\": 5}], \"ceterms:targetComponent\": {\"@id\": 3}}],"
          + " \"pwe:extensions\": {\"y\": 1, \"x-z\": null}}, 5], \"@context\": {}}",
      "{\"@graph\": {}}",
      "[{\"@type\": \"ceterms:Pathway\", \"pwe:equivalences\": [[\"nobody\"], 3]},"
          + " {\"@type\": \"ceterms:Certification\", \"@id\": \"_:x\", \"ceterms:hasCondition\": {\"ceterms:logicalOperator\": 5}}]",
      "{\"elementId\": 5, \"requirements\": 7, \"children\": {}}",
      "{\"elementId\": \"e\", \"requirements\": {\"badgeRequirements\": {\"countRule\": {\"@type\": \"atLeastN\","
          + " \"requiredCount\": \"two\"}, \"requiredBadges\": [5, {}]}, \"shortcutBadges\": [null]}, \"children\": [3, null]}",
      "{\"type\": \"ClrCredential\", \"credentialSubject\": {\"verifiableCredential\": [\"eyJhbGciOi.x.y\", 5,"
          + " {\"type\": \"Assertion\", \"badge\": \"urn:b\", \"issuedOn\": 20240101}]}}",
      "{\"type\": \"VerifiablePresentation\", \"verifiableCredential\": {\"type\": \"OpenBadgeCredential\","
          + " \"credentialSubject\": \"did:x\"}}",
      "{\"type\": \"Assertion\", \"badge\": {\"id\": \" \"}, \"issuedOn\": \"2024-13-45\"}");

  @Test
  void everyReaderAnswersWithProblemsOrAValue() {
    for (String input : INPUTS) {
      byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
      for (InteropFormat f : InteropFormat.values()) {
        check(Interop.readPathway(bytes, "in\u0000put/\\odd name.json", f), input);
      }
      check(Interop.readPathway(bytes, "x.jsonld"), input);
      check(Interop.readLearner(bytes, "x.json"), input);
      Interop.detectPathwayFormat(bytes, "x.json");
      Interop.detectLearnerFormat(bytes);
    }
  }

  @Test
  void binaryGarbageIsAParseError() {
    Random random = new Random(7);
    for (int i = 0; i < 50; i++) {
      byte[] bytes = new byte[random.nextInt(200)];
      random.nextBytes(bytes);
      check(Interop.readPathway(bytes, "g.bin", InteropFormat.CTDL), "garbage " + i);
      check(Interop.readLearner(bytes, "g.bin"), "garbage " + i);
    }
  }

  private static void check(ReadResult<?> r, String input) {
    assertTrue(r.value().isPresent() || !r.errors().isEmpty(), () -> "nothing for " + input);
    r.problems().forEach(p -> assertFalse(p.message().isBlank(), input));
  }
}
