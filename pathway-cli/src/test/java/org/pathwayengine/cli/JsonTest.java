package org.pathwayengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.pathwayengine.cli.internal.Json;

class JsonTest {
  @Test
  void scalarsAndEscapes() {
    assertEquals("null", Json.write(null));
    assertEquals("true", Json.write(true));
    assertEquals("3", Json.write(3.0));
    assertEquals("1.5", Json.write(1.5));
    assertEquals("null", Json.write(Double.NaN));
    assertEquals("\"a\\\"b\\\\c\\nd\\u0001é\"", Json.write("a\"b\\c\nd\u0001é"));
    assertEquals("null", Json.write(Optional.empty()));
  }

  @Test
  void objectsKeepTheirFieldOrderAndIdListsStayOnOneLine() {
    String s = Json.write(Json.obj().put("z", 1).put("a", List.of("x", "y"))
        .put("o", Json.obj()).put("l", List.of(Json.obj().put("k", List.of()))));
    assertEquals("{\n  \"z\": 1,\n  \"a\": [\"x\", \"y\"],\n  \"o\": {},\n  \"l\": [\n    {\n"
        + "      \"k\": []\n    }\n  ]\n}", s);
  }

  @Test
  void nestedValuesIndentByLevel() {
    Object v = "leaf";
    for (int i = 0; i < 3; i++) {
      v = Map.of("c", List.of(Json.obj().put("v", v)));
    }
    assertEquals("{\n  \"c\": [\n    {\n      \"v\": {\n        \"c\": [\n          {\n"
        + "            \"v\": {\n              \"c\": [\n                {\n"
        + "                  \"v\": \"leaf\"\n                }\n              ]\n"
        + "            }\n          }\n        ]\n      }\n    }\n  ]\n}", Json.write(v));
  }

  @Test
  void mapsWriteInTheirOwnOrder() {
    Map<String, Object> m = new TreeMap<>(Map.of("b", 2, "a", 1));
    assertEquals("{\n  \"a\": 1,\n  \"b\": 2\n}", Json.write(m));
  }
}
