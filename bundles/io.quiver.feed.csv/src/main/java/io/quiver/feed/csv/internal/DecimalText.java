package io.quiver.feed.csv.internal;

/**
 * Parses plain decimal text ({@code -12.345}) exactly into units at a fixed scale, without BigDecimal.
 * Throws {@link NumberFormatException} with a message fit for a user.
 */
public final class DecimalText {
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L};

    private int lastDecimals;

    /** Decimals written in the last parsed value (trailing zeros included). */
    public int lastDecimals() {
        return lastDecimals;
    }

    /** The value times 10^scale; {@code scale} is 0..9. */
    public long parse(String text, int scale) {
        int n = text.length();
        if (n == 0) {
            throw new NumberFormatException("the field is empty");
        }
        int i = 0;
        boolean negative = false;
        char first = text.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i = 1;
        }
        long whole = 0;
        int digits = 0;
        for (; i < n && text.charAt(i) != '.'; i++) {
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw notANumber(text);
            }
            whole = Math.addExact(Math.multiplyExact(whole, 10), d);
            digits++;
        }
        long fraction = 0;
        int decimals = 0;
        if (i < n) {
            for (i++; i < n; i++) {
                int d = text.charAt(i) - '0';
                if (d < 0 || d > 9) {
                    throw notANumber(text);
                }
                if (decimals == scale) {
                    if (d != 0) {
                        throw new NumberFormatException("'" + text + "' has more than " + scale + " decimals");
                    }
                    continue;
                }
                fraction = fraction * 10 + d;
                decimals++;
                digits++;
            }
        }
        if (digits == 0) {
            throw notANumber(text);
        }
        lastDecimals = countDecimals(text);
        try {
            long units = Math.addExact(Math.multiplyExact(whole, POW10[scale]), fraction * POW10[scale - decimals]);
            return negative ? -units : units;
        } catch (ArithmeticException e) {
            throw new NumberFormatException("'" + text + "' is too large");
        }
    }

    private static int countDecimals(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return 0;
        }
        int end = text.length();
        while (end > dot + 1 && text.charAt(end - 1) == '0') {
            end--;
        }
        return end - dot - 1;
    }

    private static NumberFormatException notANumber(String text) {
        return new NumberFormatException("'" + text + "' is not a decimal number");
    }

    public static long pow10(int n) {
        return POW10[n];
    }
}
