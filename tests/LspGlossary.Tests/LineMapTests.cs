using LspGlossary.Core.Text;

namespace LspGlossary.Tests;

public class LineMapTests
{
    [Theory]
    [InlineData("a\nb", 2, 1, 0)]
    [InlineData("a\r\nb", 3, 1, 0)]
    [InlineData("a\rb", 2, 1, 0)]
    [InlineData("😀x", 2, 0, 2)]
    [InlineData("ab\n\ncd", 4, 2, 0)]
    public void Position_of_an_offset(string text, int offset, int line, int character)
    {
        Assert.Equal((line, character), LineMap.Create(text).PositionOf(offset));
    }

    [Fact]
    public void Offsets_round_trip()
    {
        string text = "第一行😀\r\nsecond\n\nlast";
        var map = LineMap.Create(text);
        for (int offset = 0; offset <= text.Length; offset++)
        {
            if (offset > 0 && text[offset - 1] == '\r' && offset < text.Length && text[offset] == '\n') continue; // inside a CRLF: no position
            var (line, character) = map.PositionOf(offset);
            Assert.Equal(offset, map.TryOffsetOf(line, character));
        }
    }

    [Fact]
    public void Out_of_range_positions()
    {
        var map = LineMap.Create("ab\ncd");
        Assert.Null(map.TryOffsetOf(5, 0));
        Assert.Null(map.TryOffsetOf(-1, 0));
        Assert.Null(map.TryOffsetOf(0, -1));
        Assert.Equal(2, map.TryOffsetOf(0, 10)); // past the line's end: the line's end (LSP 3.17)
        Assert.Equal(5, map.OffsetOfClamped(9, 9));
        Assert.Equal(0, map.OffsetOfClamped(-3, 4));
    }

    [Theory]
    [InlineData("Lor\nok\n", 0, 99, 3)]
    [InlineData("Lor\r\nok\n", 0, 4, 3)]   // never between CR and LF
    [InlineData("Lor\r\nok\n", 0, 99, 3)]
    [InlineData("Lor\rok", 0, 99, 3)]
    [InlineData("Lor\nok", 1, 99, 6)]       // the last line has no line break
    [InlineData("Lor\n", 1, 5, 4)]          // the empty last line
    [InlineData("", 0, 7, 0)]
    public void A_character_past_the_line_end_clamps_before_the_line_break(string text, int line, int character, int expected)
    {
        Assert.Equal(expected, LineMap.Create(text).OffsetOfClamped(line, character));
        Assert.Equal(expected, LineMap.Create(text).TryOffsetOf(line, character));
    }

    [Theory]
    [InlineData("a\r\nbc\n", 0, 1)]
    [InlineData("a\r\nbc\n", 1, 5)]
    [InlineData("a\r\nbc\n", 2, 6)]
    [InlineData("a\rb", 0, 1)]
    public void Line_content_ends_before_the_line_break(string text, int line, int expected)
    {
        Assert.Equal(expected, LineMap.Create(text).LineContentEnd(line));
    }

    [Fact]
    public void An_insert_past_the_line_end_lands_before_the_line_break()
    {
        // The reproduction of issue 8, item 3: the client has "Lora\nok\n" after this edit.
        var document = new TextDocument("file:///a", "markdown", 1, "Lor\nok\n");
        int at = document.Lines.OffsetOfClamped(0, 99);
        Assert.Equal("Lora\nok\n", document.WithEdit(at, at, "a", 2).Text);
    }

    [Fact]
    public void Edits_make_new_snapshots()
    {
        var document = new TextDocument("file:///a", "markdown", 1, "hello world");
        var edited = document.WithEdit(6, 11, "there", 2);
        Assert.Equal("hello world", document.Text);
        Assert.Equal("hello there", edited.Text);
        Assert.Equal(2, edited.Version);
    }

    [Fact]
    public void Edited_snapshots_equal_the_text_edited_by_hand_and_their_line_maps_one_built_from_it()
    {
        // Random texts and edits over the characters that matter: CR, LF, CRLF joined and split by edits.
        string[] pieces = ["a", "b", "\r", "\n", "\r\n", "xy", "", "😀", "\n\n", "\r\r"];
        var random = new Random(7);
        string Piece() => pieces[random.Next(pieces.Length)];
        for (int trial = 0; trial < 2000; trial++)
        {
            string text = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => Piece()));
            var document = new TextDocument("file:///a", "markdown", 1, text);
            if (trial % 2 == 0) _ = document.Lines; // half the trials carry a line map through the edits
            string expectedText = text;
            int steps = trial % 10 == 0 ? 3 * TextDocument.MaxPieces : 8; // some pile up more pieces than allowed
            for (int step = 0; step < steps; step++)
            {
                int start = random.Next(0, document.Length + 1);
                int end = random.Next(start, document.Length + 1);
                string inserted = string.Concat(Enumerable.Range(0, random.Next(0, 3)).Select(_ => Piece()));
                string before = expectedText;
                document = document.WithEdit(start, end, inserted, step + 2);
                expectedText = string.Concat(expectedText.AsSpan(0, start), inserted, expectedText.AsSpan(end));
                Assert.Equal(expectedText.Length, document.Length);
                if (step % 7 == 0 || step == steps - 1) Assert.Equal(expectedText, document.Text);
                var expected = LineMap.Create(expectedText);
                var actual = document.Lines;
                string what = $"'{Escape(before)}' [{start},{end}) <- '{Escape(inserted)}'";
                Assert.True(expected.LineCount == actual.LineCount, $"{what}: {actual.LineCount} lines, expected {expected.LineCount}");
                for (int line = 0; line < expected.LineCount; line++)
                {
                    Assert.True(expected.LineStart(line) == actual.LineStart(line), $"{what}: start of line {line}");
                    Assert.True(expected.LineContentEnd(line) == actual.LineContentEnd(line), $"{what}: end of line {line}");
                }
            }
        }
        static string Escape(string s) => s.Replace("\r", "\\r").Replace("\n", "\\n");
    }
}
