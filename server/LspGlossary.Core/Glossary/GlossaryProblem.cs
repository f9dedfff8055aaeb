namespace LspGlossary.Core.Glossary;

public enum ProblemSeverity { Error, Warning }

/// <summary>A positioned problem found while loading or checking glossary files.</summary>
public sealed record GlossaryProblem(SourceLocation Location, string Message, ProblemSeverity Severity = ProblemSeverity.Error)
{
    public override string ToString() => $"{Location}: {Severity.ToString().ToLowerInvariant()}: {Message}";
}
