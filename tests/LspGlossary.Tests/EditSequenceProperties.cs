using CsCheck;
using LspGlossary.Core.Analysis;
using LspGlossary.Core.Features;
using LspGlossary.Core.Text;
using LspGlossary.Server.Protocol;
using Range = LspGlossary.Server.Protocol.Range;
using Convert = LspGlossary.Server.Protocol.Convert;

namespace LspGlossary.Tests;

/// <summary>
/// Property: any sequence of incremental edits, positions out of range included, applied as the server applies
/// them (LSP positions clamped through the line map, snapshots made of pieces, the line map updated around each
/// edit, Markdown chunks reused from the previous analysis) gives the text a client holds and the same findings
/// as opening that text afresh. The client's text comes from a separate, naive model of LSP positions.
/// </summary>
public class EditSequenceProperties
{
    private static readonly Gen<string> Piece = Gen.OneOf(
        "Lora ", "LoRA", "x", " ", "\n", "\r\n", "\r", "\n\n", "```\n", "# ", "<!-- glossary-disable -->\n",
        "😀", "使用Qlora", "- ", "`", "RLHF", "\"", "Qlora\n", "");

    private static readonly Gen<string> Text = Piece.Array[0, 12].Select(string.Concat);

    private static readonly Gen<(Range Range, string Text)> Change =
        Gen.Select(Gen.Int[0, 8], Gen.Int[0, 30], Gen.Int[0, 8], Gen.Int[0, 30], Piece.Array[0, 3].Select(string.Concat))
            .Select((l1, c1, l2, c2, text) => (new Range(new Position(l1, c1), new Position(l2, c2)), text));

    [Fact]
    public void Edits_give_the_clients_text_and_the_findings_of_a_fresh_open()
    {
        Gen.Select(Text, Change.Array[1, 40], Gen.OneOf("markdown", "python")).Sample((initial, changes, language) =>
        {
            var document = new TextDocument("file:///doc", language, 1, initial);
            var analysis = DocumentAnalysis.Analyze(document, TestSupport.Matcher);
            string client = initial;
            int version = 1;
            foreach ((Range range, string text) in changes)
            {
                var span = Convert.ToSpanClamped(document.Lines, range);
                document = document.WithEdit(span.Start, span.End, text, ++version);
                analysis = DocumentAnalysis.Analyze(document, TestSupport.Matcher, previous: analysis);
                client = ClientApply(client, range, text);
            }
            Assert.Equal(client, document.Text);
            var fresh = DocumentAnalysis.Analyze(new TextDocument("file:///fresh", language, 1, client), TestSupport.Matcher);
            Assert.Equal(Findings(fresh), Findings(analysis));
        }, iter: 400);
    }

    private static List<string> Findings(DocumentAnalysis analysis) =>
        Diagnostics.Compute(analysis, Severity.Warning).Select(d => $"{d.Span} {d.Message}").ToList();

    /// <summary>The client's side: a position's line is found by splitting at line breaks; a character past
    /// the line's content means its end; a line past the last means the end of the text.</summary>
    private static string ClientApply(string text, Range range, string newText)
    {
        int a = ClientOffset(text, range.Start), b = ClientOffset(text, range.End);
        if (b < a) (a, b) = (b, a);
        return text[..a] + newText + text[b..];
    }

    private static int ClientOffset(string text, Position position)
    {
        int start = 0;
        for (int line = 0; line < position.Line; line++)
        {
            int next = text.IndexOfAny(['\r', '\n'], start);
            if (next < 0) return text.Length;
            start = next + (text[next] == '\r' && next + 1 < text.Length && text[next + 1] == '\n' ? 2 : 1);
        }
        int end = text.IndexOfAny(['\r', '\n'], start);
        if (end < 0) end = text.Length;
        return Math.Min(start + position.Character, end);
    }
}
