package org.pathwayengine.io.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pathwayengine.io.interop.Resources.CLR20;
import static org.pathwayengine.io.interop.Resources.OB30_CREDENTIAL;
import static org.pathwayengine.io.interop.Resources.json;
import static org.pathwayengine.io.interop.Resources.path;
import static org.pathwayengine.io.interop.Resources.valueOf;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.LearnerRecord.Entry;
import org.pathwayengine.core.LearnerStatus;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.PathwayEvaluator;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.io.ReadResult;

class LearnerImportTest {
  @Test
  void openBadges3CredentialLoadsAsALearnerRecord() {
    ReadResult<LearnerRecord> r = Interop.readLearner(path(OB30_CREDENTIAL));
    assertTrue(r.isValid(), r.problems()::toString);
    LearnerRecord rec = valueOf(r);
    assertEquals("did:example:ebfeb1f712ebc6f1c276e12ec21", rec.learner());
    assertEquals(List.of(new Entry("https://1edtech.edu/achievements/degree", LocalDate.of(2010, 1, 1),
            Optional.of(LocalDate.of(2030, 1, 1)), Optional.of("https://1edtech.edu/issuers/565049"))),
        rec.entries());
  }

  @Test
  void clr2CredentialLoadsEveryContainedCredential() {
    ReadResult<LearnerRecord> r = Interop.readLearner(path(CLR20));
    assertTrue(r.isValid(), r.problems()::toString);
    LearnerRecord rec = valueOf(r);
    assertEquals("urn:uuid:360a0e1e-c3f4-4fc4-9975-379889927d54", rec.learner());
    assertEquals(6, rec.entries().size());
    assertEquals(List.of("urn:uuid:3314c2c0-2ee9-4183-838b-470c15ddfb08",
            "urn:uuid:bb9a27e6-3a2d-413b-b0c7-97ef9dfdde22", "urn:uuid:0f09ae53-33ae-4472-8daa-d7381b859e6c",
            "urn:uuid:0f09ae53-33ae-4472-8daa-d7381b859e6c", "urn:uuid:0f09ae53-33ae-4472-8daa-d7381b859e6c",
            "urn:uuid:0f09ae53-33ae-4472-8daa-d7381b859e6c"),
        rec.entries().stream().map(Entry::badge).toList());
    for (Entry e : rec.entries()) {
      assertEquals(LocalDate.of(2018, 6, 6), e.earned(), "issuanceDate");
      assertEquals(Optional.empty(), e.expires());
      assertEquals(Optional.of("urn:uuid:4ca4a241-fc3b-4d92-978e-f56fa96ae795"), e.issuer());
    }
    // the associations between achievements are reported as not mapped
    assertTrue(r.problems().stream().anyMatch(p -> p.message().startsWith(
        "at /credentialSubject/association:")), r.problems()::toString);
  }

  @Test
  void openBadges2AssertionsAndArraysOfCredentials() {
    String assertion = "{'@context': 'https://w3id.org/openbadges/v2', 'type': 'Assertion', 'id': 'urn:a1',"
        + " 'recipient': {'type': 'email', 'hashed': false, 'identity': 'alice@example.org'},"
        + " 'badge': {'type': 'BadgeClass', 'id': 'https://example.org/robotics-badge.json',"
        + "           'issuer': {'id': 'https://example.org/organization.json'}},"
        + " 'issuedOn': '2024-02-29T23:30:00-05:00', 'expires': '2027-01-10'}";
    LearnerRecord a = valueOf(Interop.readLearner(json(assertion), "a.json"));
    assertEquals("alice@example.org", a.learner());
    // a date-time is read as its UTC date
    assertEquals(List.of(new Entry("https://example.org/robotics-badge.json", LocalDate.of(2024, 3, 1),
            Optional.of(LocalDate.of(2027, 1, 10)), Optional.of("https://example.org/organization.json"))),
        a.entries());

    String array = "[{'type': ['VerifiableCredential', 'OpenBadgeCredential'], 'issuer': 'https://i.example',"
        + "   'validFrom': '2025-01-02T00:00:00Z', 'awardedDate': '2024-12-31T12:00:00Z',"
        + "   'credentialSubject': {'id': 'did:x', 'achievement': {'id': 'https://a.example/1'}}},"
        + " {'type': ['VerifiableCredential', 'OpenBadgeCredential'], 'validFrom': 'yesterday',"
        + "   'credentialSubject': {'achievement': {'id': 'https://a.example/2'}}},"
        + " {'type': ['VerifiableCredential', 'OpenBadgeCredential'], 'validFrom': '2025-01-01',"
        + "   'credentialSubject': {'achievement': {'name': 'no id'}}}]";
    ReadResult<LearnerRecord> r = Interop.readLearner(json(array), "many.json");
    LearnerRecord rec = valueOf(r);
    assertEquals("did:x", rec.learner());
    assertEquals(List.of(new Entry("https://a.example/1", LocalDate.of(2024, 12, 31), Optional.empty(),
        Optional.of("https://i.example"))), rec.entries(), "awardedDate before validFrom");
    // what could not be read is reported, with its place
    assertTrue(r.problems().stream().anyMatch(p -> p.code() == ProblemCode.INVALID_VALUE
        && p.message().startsWith("at /1/validFrom:")), r.problems()::toString);
    assertTrue(r.problems().stream().anyMatch(p -> p.code() == ProblemCode.SCHEMA_ERROR
        && p.message().startsWith("at /2/credentialSubject/achievement:")), r.problems()::toString);
  }

  @Test
  void entriesMatchBadgesThroughAliases() {
    // the achievement of the 3.0 credential, read as a badge definition
    String achievement = "{'id': 'https://1edtech.edu/achievements/degree', 'type': ['Achievement'],"
        + " 'name': '1EdTech University Degree', 'humanCode': 'R1', 'creditsAvailable': 36,"
        + " 'achievementType': 'Degree'}";
    Pathway p = valueOf(Interop.readPathway(json(achievement), "degree.json", InteropFormat.OPEN_BADGES));
    LearnerRecord rec = valueOf(Interop.readLearner(path(OB30_CREDENTIAL)));
    assertEquals(Optional.of("R1"), p.resolve(rec.entries().get(0).badge()));

    LocalDate asOf = LocalDate.of(2020, 6, 1);
    LearnerStatus status = PathwayEvaluator.of(p).evaluate(rec, asOf);
    assertEquals(List.of("R1"), status.held());
    // the issuer id is carried exactly, so the pathway's trust decides
    Pathway trusting = p.toBuilder().trustedIssuers("https://1edtech.edu/issuers/565049").build();
    assertEquals(List.of("R1"), PathwayEvaluator.of(trusting).evaluate(rec, asOf).held());
    Pathway distrusting = p.toBuilder().trustedIssuers("https://other.example/").build();
    LearnerStatus untrusted = PathwayEvaluator.of(distrusting).evaluate(rec, asOf);
    assertEquals(List.of(), untrusted.held());
    assertEquals(List.of("R1"), untrusted.untrusted());
    // the credential's own validUntil (2030-01-01) ends it
    assertEquals(List.of("R1"), PathwayEvaluator.of(p).evaluate(rec, LocalDate.of(2030, 1, 1)).expired());
    // awards of achievements the pathway lacks are unmatched, not dropped
    LearnerRecord clr = valueOf(Interop.readLearner(path(CLR20)));
    assertEquals(List.of("urn:uuid:0f09ae53-33ae-4472-8daa-d7381b859e6c",
            "urn:uuid:3314c2c0-2ee9-4183-838b-470c15ddfb08", "urn:uuid:bb9a27e6-3a2d-413b-b0c7-97ef9dfdde22"),
        PathwayEvaluator.of(p).evaluate(clr, asOf).unmatched());
  }

  @Test
  void notAnAwardIsAnError() {
    ReadResult<LearnerRecord> r = Interop.readLearner(json("{'learner': 'alice'}"), "alice.json");
    assertTrue(r.value().isEmpty());
    assertEquals(ProblemCode.SCHEMA_ERROR, r.errors().get(0).code());
    ReadResult<LearnerRecord> broken = Interop.readLearner(json("{'type': 'Assertion',"), "b.json");
    assertEquals(ProblemCode.PARSE_ERROR, broken.errors().get(0).code());
  }
}
