package org.pathwayengine.io.interop.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.io.ReadResult;
import tools.jackson.databind.JsonNode;

/**
 * Learner records from awards: Open Badges 2.0 Assertions, Open Badges 3.0 OpenBadgeCredentials
 * (AchievementCredentials), one or an array, CLR 2.0 ClrCredentials (every contained credential) and
 * Verifiable Presentations of those. Nothing is fetched and no proof is checked.
 */
public final class Credentials {
  private Credentials() {}

  /** The kinds of award file this reader recognises. */
  public enum Kind {
    /** An Open Badges 2.0 Assertion. */
    OB2_ASSERTION,
    /** An Open Badges 3.0 OpenBadgeCredential or AchievementCredential. */
    OB3_CREDENTIAL,
    /** A CLR 2.0 ClrCredential. */
    CLR2,
    /** A Verifiable Presentation of credentials. */
    PRESENTATION,
    /** An array of the above. */
    ARRAY
  }

  /** What kind of award document the node is, if any. */
  public static Optional<Kind> kind(JsonNode n) {
    if (n == null) {
      return Optional.empty();
    }
    if (n.isArray()) {
      for (JsonNode e : n.values()) {
        if (kind(e).isPresent()) {
          return Optional.of(Kind.ARRAY);
        }
      }
      return Optional.empty();
    }
    if (!n.isObject()) {
      return Optional.empty();
    }
    List<String> t = Json.types(n);
    if (t.contains("ClrCredential")) {
      return Optional.of(Kind.CLR2);
    }
    if (t.contains("OpenBadgeCredential") || t.contains("AchievementCredential")) {
      return Optional.of(Kind.OB3_CREDENTIAL);
    }
    if (t.contains("Assertion")) {
      return Optional.of(Kind.OB2_ASSERTION);
    }
    if (t.contains("VerifiablePresentation")) {
      return Optional.of(Kind.PRESENTATION);
    }
    return Optional.empty();
  }

  /** Reads the awards of the document as one learner record. */
  static ReadResult<LearnerRecord> read(JsonDoc doc) {
    Report report = new Report(doc);
    State state = new State();
    JsonNode root = doc.root();
    if (kind(root).isEmpty()) {
      report.error(ProblemCode.SCHEMA_ERROR, "",
          "not an Open Badges or CLR award: expected type Assertion (2.0), OpenBadgeCredential or "
              + "AchievementCredential (3.0), ClrCredential (CLR 2.0), a VerifiablePresentation, or an "
              + "array of them");
      return new ReadResult<>(Optional.empty(), report.problems());
    }
    if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        award(root.get(i), Json.ptr("", i), report, state);
      }
    } else {
      award(root, "", report, state);
    }
    String learner = state.learner.orElse(OpenBadges.pathwayId(doc.file()));
    LearnerRecord.Builder b = LearnerRecord.builder(learner);
    state.entries.forEach(b::entry);
    return new ReadResult<>(Optional.of(b.build()), report.problems());
  }

  private static final class State {
    Optional<String> learner = Optional.empty();
    final List<LearnerRecord.Entry> entries = new ArrayList<>();
  }

  private static void award(JsonNode n, String ptr, Report report, State state) {
    if (n.isString()) {
      report.warn(ProblemCode.SCHEMA_ERROR, ptr, "a credential as a compact JWT string is not read "
          + "(signatures are not decoded or checked); decode it to JSON first");
      return;
    }
    Optional<Kind> kind = kind(n);
    if (kind.isEmpty()) {
      report.warn(ProblemCode.SCHEMA_ERROR, ptr, "not an award this reader knows (type "
          + Json.types(n) + "); skipped");
      return;
    }
    switch (kind.get()) {
      case CLR2 -> {
        JsonNode subject = n.get("credentialSubject");
        learnerFrom(subject, state);
        for (String k : List.of("association", "achievement")) {
          if (subject != null && subject.has(k)) {
            report.warn(ProblemCode.SCHEMA_ERROR, Json.ptr(Json.ptr(ptr, "credentialSubject"), k),
                "the CLR's '" + k + "' list is not mapped: a learner record holds awards only (the "
                    + "pathway says how badges relate)");
          }
        }
        JsonNode vcs = subject == null ? null : subject.get("verifiableCredential");
        String vp = Json.ptr(Json.ptr(ptr, "credentialSubject"), "verifiableCredential");
        if (vcs == null || !vcs.isArray()) {
          report.warn(ProblemCode.SCHEMA_ERROR, vp,
              "a ClrCredential without credentialSubject.verifiableCredential holds no awards");
          return;
        }
        for (int i = 0; i < vcs.size(); i++) {
          award(vcs.get(i), Json.ptr(vp, i), report, state);
        }
      }
      case PRESENTATION -> {
        JsonNode vcs = n.get("verifiableCredential");
        if (vcs == null) {
          return;
        }
        List<JsonNode> list = vcs.isArray() ? new ArrayList<>(vcs.values()) : List.of(vcs);
        for (int i = 0; i < list.size(); i++) {
          award(list.get(i), vcs.isArray() ? Json.ptr(Json.ptr(ptr, "verifiableCredential"), i)
              : Json.ptr(ptr, "verifiableCredential"), report, state);
        }
      }
      case OB3_CREDENTIAL -> ob3(n, ptr, report, state);
      case OB2_ASSERTION -> ob2(n, ptr, report, state);
      case ARRAY -> throw new AssertionError("an array is never nested in an award");
      default -> throw new AssertionError(kind.get());
    }
  }

  private static void learnerFrom(JsonNode subject, State state) {
    if (state.learner.isEmpty() && subject != null) {
      state.learner = Json.ref(subject.get("id"));
    }
  }

  private static void ob3(JsonNode n, String ptr, Report report, State state) {
    JsonNode subject = n.get("credentialSubject");
    String sp = Json.ptr(ptr, "credentialSubject");
    if (subject == null || !subject.isObject()) {
      report.warn(ProblemCode.SCHEMA_ERROR, sp, "a credential without credentialSubject names no "
          + "achievement; skipped");
      return;
    }
    learnerFrom(subject, state);
    JsonNode achievement = subject.get("achievement");
    Optional<String> badge = Json.ref(achievement);
    if (badge.isEmpty()) {
      report.warn(ProblemCode.SCHEMA_ERROR, Json.ptr(sp, "achievement"),
          "the credential names no achievement id, so it cannot be matched to a badge; skipped");
      return;
    }
    Optional<String> issuer = Json.ref(n.get("issuer"));
    String[] dateFields = {"awardedDate", "validFrom", "issuanceDate", "issuedOn"};
    entry(n, ptr, badge.get(), dateFields, new String[] {"validUntil", "expirationDate"}, issuer,
        report, state);
  }

  private static void ob2(JsonNode n, String ptr, Report report, State state) {
    JsonNode badgeNode = n.get("badge");
    Optional<String> badge = Json.ref(badgeNode);
    if (badge.isEmpty()) {
      report.warn(ProblemCode.SCHEMA_ERROR, Json.ptr(ptr, "badge"),
          "the Assertion names no BadgeClass id, so it cannot be matched to a badge; skipped");
      return;
    }
    if (state.learner.isEmpty()) {
      JsonNode recipient = n.get("recipient");
      if (recipient != null && recipient.isObject() && !recipient.path("hashed").asBoolean(false)) {
        state.learner = Json.text(recipient.get("identity"));
      }
    }
    Optional<String> issuer = badgeNode.isObject() ? Json.ref(badgeNode.get("issuer"))
        : Optional.empty();
    entry(n, ptr, badge.get(), new String[] {"issuedOn", "awardedDate", "validFrom"},
        new String[] {"expires"}, issuer, report, state);
  }

  private static void entry(JsonNode n, String ptr, String badge, String[] earnedFields,
      String[] expiresFields, Optional<String> issuer, Report report, State state) {
    Optional<LocalDate> earned = Optional.empty();
    String field = null;
    for (String f : earnedFields) {
      if (n.has(f)) {
        field = f;
        earned = dateOf(n.get(f), Json.ptr(ptr, f), report, "the award is not in the record");
        break;
      }
    }
    if (earned.isEmpty()) {
      if (field == null) {
        report.warn(ProblemCode.SCHEMA_ERROR, ptr, "the award of " + badge + " has no date ("
            + String.join(", ", earnedFields) + "); it is not in the record");
      }
      return;
    }
    Optional<LocalDate> expires = Optional.empty();
    for (String f : expiresFields) {
      if (n.has(f) && !n.get(f).isNull()) {
        expires = dateOf(n.get(f), Json.ptr(ptr, f), report,
            "the award is kept without an expiry date of its own");
        break;
      }
    }
    state.entries.add(new LearnerRecord.Entry(badge, earned.get(), expires, issuer));
  }

  private static Optional<LocalDate> dateOf(JsonNode v, String ptr, Report report,
      String consequence) {
    Optional<LocalDate> d = v.isString() ? Json.date(v.stringValue()) : Optional.empty();
    if (d.isEmpty()) {
      report.warn(ProblemCode.INVALID_VALUE, ptr, "'" + v + "' is not an ISO-8601 date or "
          + "date-time; " + consequence);
    }
    return d;
  }
}
