using System.Text.Json.Nodes;
using LspGlossary.Core.Features;

namespace LspGlossary.Tests;

/// <summary>The outline of a glossary file: <see cref="GlossaryOutline"/>, and <c>textDocument/documentSymbol</c>.</summary>
public class DocumentSymbolTests : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("lspg-outline-").FullName;

    public void Dispose() => Directory.Delete(_workspace, recursive: true);

    private const string Yaml = """
        terms:
          - id: zorp
            term: ZORP
            expansion: Zero-Overhead Reward Propagation
            category: training
            definition: { en: A made-up term for tests. }

          - id: quux
            zh: [测试词]
            definition: { en: Another. }
          # a comment between entries
          - id: moe
            disabled: true

        """;

    private static string Describe(string text, OutlineItem item) =>
        $"{item.Name}|{item.Detail}|{text[item.Range.Start..item.Range.End].Split('\n')[0]}…{text[item.Range.Start..item.Range.End].Split('\n')[^1]}|{text[item.Selection.Start..item.Selection.End]}";

    [Fact]
    public void Each_entry_is_its_mapping_named_by_its_term_or_id()
    {
        var items = GlossaryOutline.Compute(Yaml, "/w/team.glossary.yaml");
        Assert.Equal(
        [
            "ZORP|Zero-Overhead Reward Propagation|id: zorp…    definition: { en: A made-up term for tests. }|ZORP",
            "quux|测试词|id: quux…    definition: { en: Another. }|quux",
            "moe||id: moe…    disabled: true|moe",
        ], items.Select(i => Describe(Yaml, i)));
        Assert.Equal("training", items[0].Category);
    }

    [Fact]
    public void Quoted_terms_and_CRLF_line_ends()
    {
        string text = "terms:\r\n  - id: a\r\n    term: \"LLM 应用\"\r\n  - term: B\r\n    id: b\r\n";
        var items = GlossaryOutline.Compute(text, "/w/x.glossary.yaml");
        Assert.Equal(["LLM 应用||id: a…    term: \"LLM 应用\"|\"LLM 应用\"", "B||term: B…    id: b|B"], items.Select(i => Describe(text, i).Replace("\r", "")));
    }

    [Theory]
    [InlineData("terms:\n  - id: a\n    term: [unclosed\n")]
    [InlineData("terms: {")]
    [InlineData("")]
    [InlineData("- just a list")]
    [InlineData("terms:\n  - term: no id\n")]
    public void Broken_or_empty_files_have_no_outline(string text) => Assert.Empty(GlossaryOutline.Compute(text, "/w/x.glossary.yaml"));

    [Fact]
    public void What_parses_stays_when_a_later_entry_is_wrong()
    {
        var items = GlossaryOutline.Compute("terms:\n  - id: a\n    term: A\n  - 3\n  - id: b\n    colour: red\n", "/w/x.glossary.yaml");
        Assert.Equal(["A", "b"], items.Select(i => i.Name));
    }

    [Fact]
    public void An_alias_as_the_last_value_ends_the_entry_at_its_key()
    {
        string text = "terms:\n  - id: a\n    zh: &names [甲]\n  - id: b\n    zh: *names\n";
        var items = GlossaryOutline.Compute(text, "/w/x.glossary.yaml");
        Assert.Equal("b|甲|id: b…    zh: *names|b", Describe(text, items[1]));
    }

    private static JsonObject Hierarchical => JsonNode.Parse("""{"textDocument":{"documentSymbol":{"hierarchicalDocumentSymbolSupport":true}}}""")!.AsObject();

    private string Uri(string name) => new Uri(Path.Combine(_workspace, name)).AbsoluteUri;

    private static JsonObject Params(string uri) => new() { ["textDocument"] = new JsonObject { ["uri"] = uri } };

    private static (int, int, int, int) Range(JsonNode range) =>
        ((int)range["start"]!["line"]!, (int)range["start"]!["character"]!, (int)range["end"]!["line"]!, (int)range["end"]!["character"]!);

    [Fact]
    public async Task Hierarchical_clients_get_DocumentSymbols_of_the_open_text()
    {
        File.WriteAllText(Path.Combine(_workspace, "team.glossary.yaml"), "terms: []\n");
        await using var client = await InProcessClient.StartAsync(workspaceFolder: _workspace, capabilities: Hierarchical);
        await client.OpenAsync(Uri("team.glossary.yaml"), Yaml, "yaml");
        var symbols = (await client.RequestAsync("textDocument/documentSymbol", Params(Uri("team.glossary.yaml"))))["result"]!.AsArray();
        Assert.Equal(["ZORP", "quux", "moe"], symbols.Select(s => (string?)s!["name"]));
        var zorp = symbols[0]!;
        Assert.Equal("Zero-Overhead Reward Propagation", (string?)zorp["detail"]);
        Assert.Equal(15, (int)zorp["kind"]!);
        Assert.Equal((1, 4, 5, 49), Range(zorp["range"]!));
        Assert.Equal((2, 10, 2, 14), Range(zorp["selectionRange"]!));
        Assert.Equal("测试词", (string?)symbols[1]!["detail"]);

        // A Markdown document has no outline from this server.
        await client.OpenAsync(Uri("a.md"), "# LoRA\n");
        Assert.Empty((await client.RequestAsync("textDocument/documentSymbol", Params(Uri("a.md"))))["result"]!.AsArray());
        Assert.Empty((await client.RequestAsync("textDocument/documentSymbol", Params(Uri("unopened.glossary.yaml"))))["result"]!.AsArray());

        // Broken YAML while typing: no outline, no error.
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri("team.glossary.yaml"), ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "terms:\n  - id: [\n" }),
        });
        var broken = await client.RequestAsync("textDocument/documentSymbol", Params(Uri("team.glossary.yaml")));
        Assert.Empty(broken["result"]!.AsArray());
    }

    [Fact]
    public async Task Other_clients_get_SymbolInformation()
    {
        await using var client = await InProcessClient.StartAsync(workspaceFolder: _workspace);
        await client.OpenAsync(Uri("team.glossary.yaml"), Yaml, "yaml");
        var symbols = (await client.RequestAsync("textDocument/documentSymbol", Params(Uri("team.glossary.yaml"))))["result"]!.AsArray();
        Assert.Equal(["ZORP", "quux", "moe"], symbols.Select(s => (string?)s!["name"]));
        var zorp = symbols[0]!;
        Assert.Null(zorp["selectionRange"]);
        Assert.Equal("training", (string?)zorp["containerName"]);
        Assert.Equal(Uri("team.glossary.yaml"), (string?)zorp["location"]!["uri"]);
        Assert.Equal((1, 4, 5, 49), Range(zorp["location"]!["range"]!));
    }

    [Fact]
    public async Task A_bundled_file_opened_from_the_glossary_dir_has_an_outline()
    {
        await using var client = await InProcessClient.StartAsync(workspaceFolder: _workspace, capabilities: Hierarchical);
        string fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "test-glossary.yaml");
        string uri = new Uri(fixture).AbsoluteUri;
        await client.OpenAsync(uri, File.ReadAllText(fixture), "yaml");
        var symbols = (await client.RequestAsync("textDocument/documentSymbol", Params(uri)))["result"]!.AsArray();
        Assert.Contains(symbols, s => (string?)s!["name"] == "LoRA" && (string?)s["detail"] == "Low-Rank Adaptation");
        Assert.Contains(symbols, s => (string?)s!["name"] == "RAG");
    }

    [Fact]
    public async Task The_capability_is_announced()
    {
        await using var client = new InProcessClient(null);
        var init = await client.RequestAsync("initialize", new JsonObject { ["capabilities"] = new JsonObject() });
        Assert.True((bool)init["result"]!["capabilities"]!["documentSymbolProvider"]!);
    }
}
