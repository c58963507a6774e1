package org.pathwayengine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The bundled JSON Schemas accept every bundled example and refuse what the reader refuses. */
class JsonSchemaTest {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  static JsonSchema schema(String name) throws IOException {
    try (InputStream in = PathwayFiles.class.getResourceAsStream("schema/" + name)) {
      return FACTORY.getSchema(in);
    }
  }

  private static Set<ValidationMessage> validate(String schema, String file, String text)
      throws IOException {
    InputFormat format = file.endsWith(".json") ? InputFormat.JSON : InputFormat.YAML;
    return schema(schema).validate(text, format);
  }

  @ParameterizedTest
  @ValueSource(strings = {"social-innovation.yaml", "design-thinking.yaml", "canonical.yaml",
      "canonical.json"})
  void everyBundledPathwayIsValid(String file) throws IOException {
    String text = new String(WriterTest.resource(file), StandardCharsets.UTF_8);
    assertEquals(Set.of(), validate("pathway.schema.json", file, text));
  }

  @Test
  void theBundledLearnerRecordIsValid() throws IOException {
    String text = new String(WriterTest.resource("alice.yaml"), StandardCharsets.UTF_8);
    assertEquals(Set.of(), validate("learner.schema.json", "alice.yaml", text));
  }

  @Test
  void writtenFilesAreValid() throws IOException {
    PathwayFiles files = PathwayFiles.create();
    var p = files.read(WriterTest.resource("social-innovation.yaml"), FileFormat.YAML, "s")
        .value().orElseThrow();
    for (FileFormat f : FileFormat.values()) {
      String file = f == FileFormat.JSON ? "w.json" : "w.yaml";
      assertEquals(Set.of(), validate("pathway.schema.json", file, files.write(p, f)));
    }
  }

  @Test
  void theSchemaRefusesWhatTheReaderRefuses() throws IOException {
    String[] bad = {
        "pathway: p\nversion: 1\nbadges:\n  - {id: a, titel: A}\n",        // unknown field
        "pathway: p\nversion: 1\nbadges:\n  - {id: a}\n",                   // missing title
        "pathway: p\nversion: 1\nbadges:\n  - {id: 'bad id', title: A}\n",  // id rule
        "pathway: p\nversion: 1\nbadges:\n  - {id: a, title: A, credits: -1}\n",
        "pathway: p\nversion: 1\nbadges:\n  - {id: a, title: A, requires: {anyOf: []}}\n",
        "pathway: p\nversion: 1\nbadges:\n  - {id: a, title: A, stack: {atLeast: 0, of: [b]}}\n",
        "pathway: p\nversion: 1\nbadges:\n  - {id: a, title: A, validFor: three years}\n",
        "pathway: p\nbadges: []\n",                                           // missing version
    };
    PathwayFiles files = PathwayFiles.create();
    for (String text : bad) {
      assertFalse(validate("pathway.schema.json", "b.yaml", text).isEmpty(), text);
      assertFalse(files.read(text.getBytes(StandardCharsets.UTF_8), FileFormat.YAML, "b.yaml")
          .isValid(), text);
    }
    assertTrue(validate("pathway.schema.json", "ok.yaml",
        "pathway: p\nversion: 1\nx-mine: {any: [thing]}\nbadges:\n  - {id: a, title: A, "
            + "x-color: red, requires: {credits: 2, from: {tag: t}}}\n").isEmpty());
  }
}
