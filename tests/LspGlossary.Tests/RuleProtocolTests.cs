using System.Text.Json.Nodes;

namespace LspGlossary.Tests;

/// <summary>
/// The rules over LSP: each diagnostic's code and page (<c>codeDescription</c> only for clients with
/// <c>codeDescriptionSupport</c>), an unknown acronym's <c>data</c>, the <c>rules</c> setting, and the quick fixes.
/// </summary>
public class RuleProtocolTests
{
    private const string Uri = "file:///doc.md";
    private const string Text = "The KV cache and the KV-cache, with ORPO and Lora.\n";

    private static readonly string CodeDescriptionCaps = """
        {"textDocument":{"publishDiagnostics":{"codeDescriptionSupport":true},
          "codeAction":{"codeActionLiteralSupport":{"codeActionKind":{"valueSet":["quickfix","source"]}}}}}
        """;

    private static async Task<JsonArray> DiagnosticsAsync(InProcessClient client)
    {
        await client.OpenAsync(Uri, Text);
        var published = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == Uri);
        return published["diagnostics"]!.AsArray();
    }

    [Fact]
    public async Task Every_diagnostic_links_its_page_when_the_client_supports_it()
    {
        await using var with = await InProcessClient.StartAsync(capabilitiesJson: CodeDescriptionCaps);
        await using var without = await InProcessClient.StartAsync();
        var linked = await DiagnosticsAsync(with);
        var plain = await DiagnosticsAsync(without);
        Assert.Equal(["glossary.inconsistent-form", "glossary.unknown-acronym", "glossary.wrong-variant"], linked.Select(d => (string?)d!["code"]));
        foreach (var diagnostic in linked)
        {
            Assert.Equal($"https://github.com/lsp-glossary/lsp-glossary/blob/main/docs/rules/{(string?)diagnostic!["code"]}.md", (string?)diagnostic["codeDescription"]!["href"]);
        }
        Assert.All(plain, d => Assert.False(d!.AsObject().ContainsKey("codeDescription")));
        Assert.Equal(plain.Select(d => (string?)d!["code"]), linked.Select(d => (string?)d!["code"]));

        var acronym = linked.Single(d => (string?)d!["code"] == "glossary.unknown-acronym")!;
        Assert.Equal("ORPO", (string?)acronym["data"]!["acronym"]);
        Assert.Equal(4, (int)acronym["severity"]!);
        Assert.Equal(3, (int)linked.Single(d => (string?)d!["code"] == "glossary.inconsistent-form")!["severity"]!);
    }

    [Fact]
    public async Task The_rules_setting_turns_rules_off_and_sets_levels_ignoring_what_it_does_not_know()
    {
        var options = JsonNode.Parse("""
            {"rules":{"glossary.unknown-acronym":"off","glossary.inconsistent-form":"error","glossary.first-use-expansion":"loud",
                      "glossary.nothing":"error","glossary.wrong-variant":3}}
            """)!.AsObject();
        await using var client = await InProcessClient.StartAsync(initializationOptions: options);
        var diagnostics = await DiagnosticsAsync(client);
        Assert.Equal(["glossary.inconsistent-form:1", "glossary.wrong-variant:2"], diagnostics.Select(d => $"{(string?)d!["code"]}:{(int)d["severity"]!}"));
    }

    [Fact]
    public async Task Quick_fixes_follow_the_rule_and_an_unknown_acronym_has_none_yet()
    {
        await using var client = await InProcessClient.StartAsync(capabilitiesJson: CodeDescriptionCaps);
        await DiagnosticsAsync(client);
        var actions = (await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri },
            ["range"] = new JsonObject
            {
                ["start"] = new JsonObject { ["line"] = 0, ["character"] = 21 },
                ["end"] = new JsonObject { ["line"] = 0, ["character"] = 40 },
            },
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(), ["only"] = new JsonArray("quickfix") },
        }))["result"]!.AsArray();
        // The form's fix, then the "Ignore on this line" every finding gets; nothing else (no team glossary here).
        Assert.Equal(["Change 'KV-cache' to 'KV cache'", "Ignore 'KV-cache' on this line", "Ignore 'ORPO' on this line"],
            actions.Select(a => (string?)a!["title"]).Order(StringComparer.Ordinal));
        var fix = actions.Single(a => ((string?)a!["title"])!.StartsWith("Change", StringComparison.Ordinal))!;
        Assert.Equal("glossary.inconsistent-form", (string?)fix["diagnostics"]![0]!["code"]);
        Assert.NotNull(fix["diagnostics"]![0]!["codeDescription"]);
        Assert.Equal("KV cache", (string?)fix["edit"]!["changes"]![Uri]![0]!["newText"]);
    }

    [Theory]
    [InlineData("""{"textDocument":{"publishDiagnostics":{"codeDescriptionSupport":true}}}""", true)]
    [InlineData("""{"textDocument":{"publishDiagnostics":{"codeDescriptionSupport":"yes"}}}""", false)]
    [InlineData("""{"textDocument":{"publishDiagnostics":{}}}""", false)]
    public void Code_description_support_is_read_leniently(string capabilities, bool expected) =>
        Assert.Equal(expected, Server.Protocol.ClientCapabilitiesReader.Read(System.Text.Json.JsonDocument.Parse(capabilities).RootElement, null).CodeDescription);
}
