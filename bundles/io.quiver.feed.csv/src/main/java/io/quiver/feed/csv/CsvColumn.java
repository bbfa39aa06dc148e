package io.quiver.feed.csv;

/** A column of a data file, chosen by its header name (case-insensitive) or by its 0-based index. */
public record CsvColumn(String name, int index) {

    public static CsvColumn named(String name) {
        return new CsvColumn(name.trim(), -1);
    }

    public static CsvColumn at(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("column index must be 0 or more, was " + index);
        }
        return new CsvColumn(null, index);
    }

    /** Parses a schema value: a whole number is an index, anything else a header name. */
    public static CsvColumn parse(String value) {
        String v = value.trim();
        return v.chars().allMatch(Character::isDigit) && !v.isEmpty() ? at(Integer.parseInt(v)) : named(v);
    }

    public boolean isNamed() {
        return name != null;
    }

    @Override
    public String toString() {
        return isNamed() ? name : Integer.toString(index);
    }
}
