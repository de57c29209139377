package entity

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/span"
)

func TestUnformatMapsSpansBothWays(t *testing.T) {
	for _, c := range []struct {
		name, text, copy string
		inCopy, want     span.Span // a span of the copy and the text's
	}{
		{"a soft hyphen inside a word is in its span", "Stan\u00adton said", "Stanton said", span.Span{Start: 0, End: 7}, span.Span{Start: 0, End: 9}},
		{"one at a word's end is not", "Stanton\u00ad said", "Stanton said", span.Span{Start: 0, End: 7}, span.Span{Start: 0, End: 7}},
		{"nor one before it", "\u200eStanton", "Stanton", span.Span{Start: 0, End: 7}, span.Span{Start: 3, End: 10}},
		{"a zero-width space is a space", "New\u200bYork", "New York", span.Span{Start: 4, End: 8}, span.Span{Start: 6, End: 10}},
		{"several in one word", "Do\u00adnau\u00addampf", "Donaudampf", span.Span{Start: 2, End: 10}, span.Span{Start: 4, End: 14}},
		{"wide runes around them", "Öst\u00adlich", "Östlich", span.Span{Start: 0, End: 8}, span.Span{Start: 0, End: 10}},
	} {
		t.Run(c.name, func(t *testing.T) {
			u := unformat(c.text)
			if u.text != c.copy {
				t.Fatalf("copy %q; want %q", u.text, c.copy)
			}
			if got := u.inText(c.inCopy); got != c.want {
				t.Errorf("inText(%v) = %v; want %v", c.inCopy, got, c.want)
			}
			if got := u.inCopy(c.want); got != c.inCopy {
				t.Errorf("inCopy(%v) = %v; want %v", c.want, got, c.inCopy)
			}
			if !hasFormat(c.text) || hasFormat(c.copy) {
				t.Errorf("hasFormat wrong on %q or %q", c.text, c.copy)
			}
		})
	}
}

func TestInCopyMovesAnOffsetInsideAFormatCharacterToItsStart(t *testing.T) {
	u := unformat("ab\u00adc\u00add")
	for off, want := range []int{0, 1, 2, 2, 2, 3, 3, 3, 4} {
		if got := u.copyOffset(off); got != want {
			t.Errorf("copyOffset(%d) = %d; want %d", off, got, want)
		}
	}
}

// Format characters inside words change no entity but its offsets, and a
// name spans its whole word.
func TestTagReadsPastFormatCharacters(t *testing.T) {
	tg := loadTagger(t)
	for _, c := range []struct{ text, want string }{
		{"Mayor Elizabeth Stan\u00adton said on Monday that Stan\u00adton would stay.", "Elizabeth Stan\u00adton/PERSON|Monday/DATE|Stan\u00adton/PERSON"},
		{"Officials in Wash\u00ading\u00adton met Gaz\u200dprom.", "Wash\u00ading\u00adton/PLACE"},
		{"The talks in New\u200bYork ended.", "New\u200bYork/PLACE"},
		{"\ufeffLondon is a city in England.", "London/PLACE|England/PLACE"},
	} {
		plain := withoutFormatOracle(c.text)
		got, base := tg.Tag(c.text, nil), tg.Tag(plain, nil)
		checkEntities(t, c.text, got)
		if len(got) != len(base) {
			t.Errorf("%q: got %s; without format characters %s", c.text, found(c.text, got), found(plain, base))
			continue
		}
		for i := range got {
			if withoutFormatOracle(got[i].In(c.text)) != base[i].In(plain) || got[i].Label != base[i].Label {
				t.Errorf("%q: got %s; without format characters %s", c.text, found(c.text, got), found(plain, base))
				break
			}
		}
		for _, w := range strings.Split(c.want, "|") {
			if !has(c.text, got, w) {
				t.Errorf("%q: want %s; got %s", c.text, w, found(c.text, got))
			}
		}
	}
}

// Soft hyphens put between the letters of any text change its entities'
// offsets only: the same labels, the same words, the spans on whole runes
// and over whole words.
func FuzzTagReadsPastSoftHyphens(f *testing.F) {
	tg := loadTagger(f)
	f.Add("Mayor Elizabeth Stanton said on Monday that Stanton would stay in Washington.", uint64(0x9249))
	f.Add("Gazprom's chief, Alexei Miller, met EU officials in Brussels at 10.30 am", uint64(0xfff))
	f.Add("Öst lich \xff\xfe U.S. a-b", uint64(1))
	f.Fuzz(func(t *testing.T, plain string, where uint64) {
		if hasFormat(plain) {
			return
		}
		text := withSoftHyphens(plain, where)
		got, base := tg.Tag(text, nil), tg.Tag(plain, nil)
		checkEntities(t, text, got)
		gotWords, baseWords := make([]string, len(got)), make([]string, len(base))
		for i, e := range got {
			gotWords[i] = withoutFormatOracle(e.In(text)) + "/" + string(e.Label)
		}
		for i, e := range base {
			baseWords[i] = e.In(plain) + "/" + string(e.Label)
		}
		if !slices.Equal(gotWords, baseWords) {
			t.Fatalf("%q: got %v; without soft hyphens %v", text, gotWords, baseWords)
		}
	})
}

// withSoftHyphens puts a soft hyphen between two letters of s where the
// bit of where for the place of the first (mod 64) is set.
func withSoftHyphens(s string, where uint64) string {
	var b strings.Builder
	var prev rune
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if i > 0 && unicode.IsLetter(prev) && unicode.IsLetter(r) && where&(1<<(uint(i)%64)) != 0 {
			b.WriteString("\u00ad")
		}
		b.WriteString(s[i : i+n])
		prev = r
		i += n
	}
	return b.String()
}

func TestIsFormatIsUnicodesFormatCategory(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if IsFormat(r) != unicode.Is(unicode.Cf, r) {
			t.Fatalf("IsFormat(%U) = %v", r, IsFormat(r))
		}
	}
}

func TestWithoutFormatDropsOnlyFormatCharacters(t *testing.T) {
	for in, want := range map[string]string{
		"Stan\u00adton": "Stanton", "plain": "plain", "Öst\u00adlich\u200d": "Östlich",
		"“quoted”—dash": "“quoted”—dash", "\xff\u00ad\xfe": "\ufffd\ufffd",
	} {
		if got := WithoutFormat(in); got != want {
			t.Errorf("WithoutFormat(%q) = %q; want %q", in, got, want)
		}
	}
}
