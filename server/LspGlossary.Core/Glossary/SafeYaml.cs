using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace LspGlossary.Core.Glossary;

/// <summary>
/// Loads YAML that comes from elsewhere (glossary files, project configs) as plain data: tags construct nothing (the
/// representation model keeps scalars as text), and nesting and aliases are bounded while the events stream in,
/// before the recursive model is built. Never throws: a syntax error or a shape past the bounds is one positioned
/// problem and a null result.
/// </summary>
public static class SafeYaml
{
    public static YamlStream? Load(string text, string file, int maxNesting, int maxAliases, List<GlossaryProblem> problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new ShapeLimitingParser(new Parser(new StringReader(text)), maxNesting, maxAliases));
            return stream;
        }
        catch (ShapeLimitException e)
        {
            problems.Add(new(new(file, (int)e.Start.Line, (int)e.Start.Column), e.Message));
        }
        catch (YamlException e)
        {
            problems.Add(new(new(file, (int)e.Start.Line, (int)e.Start.Column), $"YAML syntax error: {Simplify(e.Message)}"));
        }
        return null;
    }

    private static string Simplify(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: …) - (…): "; the location is reported separately.
        int index = message.LastIndexOf("): ", StringComparison.Ordinal);
        return index >= 0 ? message[(index + 3)..] : message;
    }

    private sealed class ShapeLimitException(Mark start, string message) : YamlException(start, start, message);

    /// <summary>Passes events through while counting nesting and aliases; one pass over the text.</summary>
    private sealed class ShapeLimitingParser(IParser inner, int maxNesting, int maxAliases) : IParser
    {
        private int _depth;
        private int _aliases;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext()) return false;
            switch (inner.Current)
            {
                case MappingStart or SequenceStart:
                    if (++_depth > maxNesting)
                    {
                        throw new ShapeLimitException(inner.Current.Start, $"The file is nested deeper than {maxNesting} levels and was not read.");
                    }
                    break;
                case MappingEnd or SequenceEnd:
                    _depth--;
                    break;
                case AnchorAlias when ++_aliases > maxAliases:
                    throw new ShapeLimitException(inner.Current.Start, $"The file uses more than {maxAliases} aliases and was not read.");
            }
            return true;
        }
    }
}
