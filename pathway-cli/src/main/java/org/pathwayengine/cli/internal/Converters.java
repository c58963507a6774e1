package org.pathwayengine.cli.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value converters whose messages say what to type instead. */
public final class Converters {
  private Converters() {}

  /** An ISO date, {@code 2026-01-31}. */
  public static final class Date implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a date; write it as YYYY-MM-DD, e.g. 2026-01-31");
      }
    }
  }

  /** {@code native}, {@code ca-csv}, {@code ctdl}, {@code badgr} or {@code ob}. */
  public static final class Input implements ITypeConverter<InputFormat> {
    @Override
    public InputFormat convert(String value) {
      try {
        return InputFormat.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code native}, {@code ob} or {@code clr}. */
  public static final class Learner implements ITypeConverter<LearnerFormat> {
    @Override
    public LearnerFormat convert(String value) {
      try {
        return LearnerFormat.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
