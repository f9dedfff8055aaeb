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
            var (line, character) = map.PositionOf(offset);
            Assert.Equal(offset, map.TryOffsetOf(line, character));
        }
    }

    [Fact]
    public void Out_of_range_positions()
    {
        var map = LineMap.Create("ab\ncd");
        Assert.Null(map.TryOffsetOf(5, 0));
        Assert.Null(map.TryOffsetOf(0, 10));
        Assert.Null(map.TryOffsetOf(-1, 0));
        Assert.Equal(5, map.OffsetOfClamped(9, 9));
        Assert.Equal(3, map.OffsetOfClamped(0, 99));
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
}
