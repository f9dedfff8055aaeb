using System.Text;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

/// <summary>
/// Rename of a term defined in a workspace glossary: its <c>term:</c> in the glossary file and every use written in
/// exactly that spelling (other spellings — aliases, Chinese names, wrong variants — stay as they are). Terms of the
/// bundled glossary are not renamed: a team overrides them in its own glossary.
/// </summary>
public static class Rename
{
    /// <summary>The longest new name accepted.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Why the entry cannot be renamed, or null when it can.</summary>
    public static string? RefusalFor(GlossaryEntry entry)
    {
        if (entry.IsBundled)
        {
            return $"'{entry.Term}' comes from the bundled glossary, which is not renamed. To write it another way in this project, "
                + $"add an entry with 'id: {entry.Id}' and the new 'term:' to a team glossary (a *.glossary.yaml file in the workspace): it overrides the bundled one.";
        }
        if (!entry.Source.IsOnDisk) return $"'{entry.Term}' is defined in no file of the workspace.";
        return null;
    }

    /// <summary>Why <paramref name="newName"/> is not a usable term for the entry, or null when it is.</summary>
    public static string? CheckNewName(string newName, GlossaryEntry entry, Glossary.Glossary glossary)
    {
        string name = newName.Trim();
        if (name.Length == 0) return "The new name is empty.";
        if (name.Length > MaxNameLength) return $"The new name is longer than {MaxNameLength} characters.";
        if (name.Any(char.IsControl)) return "The new name holds a line break or another control character.";
        if (HasLoneSurrogate(name)) return "The new name is not valid Unicode.";
        if (name == entry.Term) return $"The term is already '{name}'.";
        foreach (var other in glossary.Entries)
        {
            if (other.Id == entry.Id) continue;
            if (other.AllSpellings().Any(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase)))
            {
                return $"'{name}' is already a spelling of '{other.Term}' ({other.Id}).";
            }
        }
        return null;
    }

    /// <summary>
    /// The edit of the glossary file that writes the new term: the entry <paramref name="entryId"/>'s <c>term:</c> value
    /// in <paramref name="glossaryText"/> replaced by the new name as a YAML scalar. Null when the file (as it is now)
    /// has no such entry with a <c>term:</c>.
    /// </summary>
    public static TextReplacement? GlossaryFileEdit(string glossaryText, string file, string entryId, string newName)
    {
        foreach (var entry in GlossaryFileParser.Parse(glossaryText, file).Entries)
        {
            if (entry.Id != entryId) continue;
            if (string.IsNullOrWhiteSpace(entry.Term) || entry.NameSpan is not { } span || span.End > glossaryText.Length) return null;
            return new TextReplacement(span, YamlScalar(newName.Trim()));
        }
        return null;
    }

    /// <summary>
    /// A YAML scalar for a term: plain when it cannot be misread (letters, digits, spaces and <c>-_.+/()</c>, starting
    /// with a letter, not a word YAML reads as a boolean or null), else double-quoted (control characters escaped).
    /// </summary>
    public static string YamlScalar(string value)
    {
        bool plain = value.Length > 0
            && char.IsLetter(value[0])
            && value.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or '+' or '/' or '(' or ')')
            && value[^1] != ' '
            && !ReadAsOtherType.Contains(value);
        if (plain) return value;
        var quoted = new StringBuilder("\"");
        foreach (char c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }

    private static readonly HashSet<string> ReadAsOtherType = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf",
    };
}
