/* Doubles as Windows' CRTs print them. glibc generates the decimal digits
 * (it is exact); the exponent width, the spelling of infinities and NaNs
 * and msvcrt's rounding of exact ties away from zero are ours. The UCRT
 * rounds ties to even, as glibc does (Microsoft documents this since
 * Windows 10 2004). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "format.h"
#include "format_float.h"

/* Decimal places in the exact expansion of v (> 0): a double is m * 2^e
 * with m odd, which has -e decimal places when e < 0. */
static int fraction_places(double v)
{
    int e;
    uint64_t m = (uint64_t)ldexp(frexp(v, &e), 53);

    if (!m)
        return 0;
    e += __builtin_ctzll(m) - 53;
    return e < 0 ? -e : 0;
}

/* Whether the integer v ends, once its trailing zeros are gone, in a 5
 * that is its digits-th significant digit. */
static int integer_tie(double v, int digits)
{
    char text[330];
    int n = snprintf(text, sizeof text, "%.0f", v);

    while (n > 1 && text[n - 1] == '0')
        n--;
    return n == digits && text[n - 1] == '5';
}

/* Drop the last digit of text (a 5) and round what remains away from
 * zero. Returns the new length; *carry says whether a digit was added in
 * front (f style) or the leading digit overflowed (e style, then "1.00"). */
static size_t round_away(char *text, size_t n, int prepend, int *carry)
{
    size_t i;

    n--;
    if (text[n - 1] == '.')
        n--;
    for (i = n; i-- > 0;) {
        if (text[i] == '.')
            continue;
        if (text[i] != '9') {
            text[i]++;
            *carry = 0;
            return n;
        }
        text[i] = '0';
    }
    *carry = 1;
    if (prepend) {
        memmove(text + 1, text, n);
        n++;
    }
    text[0] = '1';
    return n;
}

static size_t digits_f(char *buf, double v, int prec, int half_away)
{
    int carry;
    size_t n = (size_t)sprintf(buf, "%.*f", prec, v);

    if (!half_away || v == 0 || fraction_places(v) != prec + 1)
        return n;
    n = (size_t)sprintf(buf, "%.*f", prec + 1, v);
    return round_away(buf, n, 1, &carry);
}

/* Mantissa "d.ddd" into buf, decimal exponent in *exp10. */
static size_t digits_e(char *buf, double v, int prec, int half_away, int *exp10)
{
    int places, tie, carry;
    char *e;
    size_t n;

    sprintf(buf, "%.*e", prec, v);
    e = strchr(buf, 'e');
    *exp10 = atoi(e + 1);
    n = (size_t)(e - buf);
    if (!half_away || v == 0)
        return n;
    places = fraction_places(v);
    if (places)
        tie = *exp10 + places == prec + 1;
    else
        tie = *exp10 >= prec + 1 && integer_tie(v, prec + 2);
    if (!tie)
        return n;
    sprintf(buf, "%.*e", prec + 1, v);
    e = strchr(buf, 'e');
    *exp10 = atoi(e + 1);
    n = round_away(buf, (size_t)(e - buf), 0, &carry);
    *exp10 += carry;
    return n;
}

static size_t put_exponent(char *p, int upper, int exp10, unsigned flags)
{
    int digits = flags & FMT_THREE_DIGIT_EXP ? 3 : 2;

    return (size_t)sprintf(p, "%c%c%0*d", upper ? 'E' : 'e', exp10 < 0 ? '-' : '+',
                           digits, abs(exp10));
}

static size_t strip_zeros(char *buf, size_t n)
{
    if (!memchr(buf, '.', n))
        return n;
    while (buf[n - 1] == '0')
        n--;
    if (buf[n - 1] == '.')
        n--;
    return n;
}

static size_t format_g(char *buf, double v, int prec, int alt, unsigned flags,
                       int upper)
{
    int half_away = !(flags & FMT_UCRT), exp10;
    int p = prec < 0 ? 6 : prec ? prec : 1;
    size_t n = digits_e(buf, v, p - 1, half_away, &exp10);

    if (exp10 >= -4 && exp10 < p) {
        n = digits_f(buf, v, p - 1 - exp10, half_away);
        if (alt && !memchr(buf, '.', n))
            buf[n++] = '.';
        return alt ? n : strip_zeros(buf, n);
    }
    if (alt && p == 1)
        buf[n++] = '.';
    if (!alt)
        n = strip_zeros(buf, n);
    return n + put_exponent(buf + n, upper, exp10, flags);
}

static size_t format_a(char *buf, double v, int prec, int alt, int upper)
{
    const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    uint64_t bits, mant;
    int exp2, lead, i, kept;
    size_t n;

    memcpy(&bits, &v, sizeof bits);
    mant = bits & ((1ULL << 52) - 1);
    exp2 = (int)(bits >> 52 & 0x7ff);
    lead = exp2 != 0;
    exp2 = !exp2 ? (mant ? -1022 : 0) : exp2 - 1023;
    if (prec < 0)
        prec = 13;
    kept = prec < 13 ? prec : 13;
    if (prec < 13) {
        int shift = 4 * (13 - prec);

        mant += 1ULL << (shift - 1);
        if (mant >> 52) {
            mant &= (1ULL << 52) - 1;
            lead++;
        }
        mant >>= shift;
    }
    n = (size_t)sprintf(buf, "0%c%d", upper ? 'X' : 'x', lead);
    if (prec || alt)
        buf[n++] = '.';
    for (i = 0; i < prec; i++)
        buf[n++] = i < kept ? hex[mant >> (4 * (kept - 1 - i)) & 0xf] : '0';
    return n + (size_t)sprintf(buf + n, "%c%+d", upper ? 'P' : 'p', exp2);
}

/* msvcrt writes infinities and NaNs as "1.#INF" and the like, with the
 * tag standing for the fraction digits: padded with zeros, or cut and
 * "rounded" as if it were digits (%.2f of an infinity is "1.#J"). */
static size_t format_msvcrt_special(char *buf, const char *tag, int conv, int prec,
                                    int alt)
{
    int lower = conv | 0x20, places, taglen = (int)strlen(tag);
    size_t n = 0;
    int i;

    if (lower == 'a')
        n = (size_t)sprintf(buf, "0%c", conv == 'A' ? 'X' : 'x');
    buf[n++] = '1';
    if (lower == 'g')
        places = prec < 0 ? 5 : prec ? prec - 1 : taglen;
    else
        places = prec < 0 ? (lower == 'a' ? 13 : 6) : prec;
    if (places) {
        buf[n++] = '.';
        for (i = 0; i < places; i++)
            buf[n++] = i < taglen ? tag[i] : '0';
        if (places < taglen && tag[places] >= '5')
            buf[n - 1]++;
    }
    if (lower == 'g' && !alt)
        n = strip_zeros(buf, n);
    if (lower == 'e')
        n += (size_t)sprintf(buf + n, "%c+000", conv);
    else if (lower == 'a')
        n += (size_t)sprintf(buf + n, "%c+0", conv == 'A' ? 'P' : 'p');
    return n;
}

static size_t format_special(char *buf, uint64_t bits, int conv, int prec, int alt,
                             unsigned flags)
{
    int upper = conv >= 'A' && conv <= 'Z', neg = (int)(bits >> 63);
    uint64_t payload = bits & ((1ULL << 51) - 1);
    int inf = !(bits & ((1ULL << 52) - 1)), quiet = (int)(bits >> 51 & 1);
    const char *text;
    size_t i, n;

    if (!(flags & FMT_UCRT)) {
        text = inf ? "#INF" : !quiet ? "#SNAN" : neg && !payload ? "#IND" : "#QNAN";
        return format_msvcrt_special(buf, text, conv, prec, alt);
    }
    text = inf ? "inf" : !quiet ? "nan(snan)" : neg && !payload ? "nan(ind)" : "nan";
    n = strlen(text);
    for (i = 0; i < n; i++)
        buf[i] = upper && text[i] >= 'a' ? (char)(text[i] - 0x20) : text[i];
    return n;
}

size_t fmt_float(char *buf, double v, int conv, int prec, int alt, unsigned flags,
                 int *neg, int *special)
{
    int lower = conv | 0x20, upper = conv != lower, exp10;
    int half_away = !(flags & FMT_UCRT);
    uint64_t bits;
    size_t n;

    memcpy(&bits, &v, sizeof bits);
    *neg = (int)(bits >> 63);
    *special = !isfinite(v);
    if (*special)
        return format_special(buf, bits, conv, prec, alt, flags);
    v = fabs(v);
    if (lower == 'a')
        return format_a(buf, v, prec, alt, upper);
    if (lower == 'g')
        return format_g(buf, v, prec, alt, flags, upper);
    if (prec < 0)
        prec = 6;
    if (lower == 'f')
        n = digits_f(buf, v, prec, half_away);
    else
        n = digits_e(buf, v, prec, half_away, &exp10);
    if (alt && !prec)
        buf[n++] = '.';
    if (lower == 'e')
        n += put_exponent(buf + n, upper, exp10, flags);
    return n;
}
