using System.Text.Json;
using System.Text.Json.Nodes;
using LspGlossary.Server.Protocol;

namespace LspGlossary.Tests;

/// <summary>
/// The embedded glossary's entries as virtual documents: a client that asks (initialization option
/// <c>virtualDocuments</c>) finds them in workspace symbols and definitions at <c>lsp-glossary-bundled:</c> URIs
/// (<see cref="BundledUri"/>) and reads their text with <c>lspGlossary/bundledFile</c>, which reads nothing else.
/// </summary>
public class VirtualDocumentTests
{
    private const string RagFile = "lsp-glossary-bundled:/glossary/prompting-evaluation-safety.yaml";
    private const string Doc = "file:///doc.md";

    private static JsonObject AsksForThem => new() { ["virtualDocuments"] = true };

    private static Task<InProcessClient> StartAsync(bool asks, bool embeddedGlossary = true) =>
        InProcessClient.StartAsync(initializationOptions: asks ? AsksForThem : null, embeddedGlossary: embeddedGlossary);

    private static Task<JsonObject> BundledFileAsync(InProcessClient client, JsonNode? uri) =>
        client.RequestAsync("lspGlossary/bundledFile", new JsonObject { ["uri"] = uri });

    /// <summary>The line at a location's start in the text that lspGlossary/bundledFile answers for its URI, from its start's character.</summary>
    private static async Task<string> TextAtAsync(InProcessClient client, JsonNode location)
    {
        var text = (string?)(await BundledFileAsync(client, (string?)location["uri"]))["result"]!["text"];
        var start = location["range"]!["start"]!;
        return text!.Split('\n')[(int)start["line"]!][(int)start["character"]!..];
    }

    [Theory]
    [InlineData("glossary/training.yaml", "lsp-glossary-bundled:/glossary/training.yaml")]
    [InlineData("glossary/a b#.yaml", "lsp-glossary-bundled:/glossary/a%20b%23.yaml")]
    public void A_file_and_its_uri_make_a_round_trip(string file, string uri)
    {
        Assert.Equal(uri, BundledUri.FromFile(file));
        Assert.Equal(file, BundledUri.ToFile(uri));
    }

    [Theory]
    [InlineData("LSP-Glossary-Bundled:/glossary/training.yaml", "glossary/training.yaml")]
    [InlineData("lsp-glossary-bundled:///glossary/training.yaml", "glossary/training.yaml")]
    [InlineData("lsp-glossary-bundled:/glossary/%74raining.yaml", "glossary/training.yaml")]
    [InlineData("lsp-glossary-bundled:/../../etc/passwd", "../../etc/passwd")]
    [InlineData("lsp-glossary-bundled:/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "../../etc/passwd")]
    [InlineData("lsp-glossary-bundled:/", "")]
    public void A_uri_of_ours_names_a_resource_as_it_is_written(string uri, string file) => Assert.Equal(file, BundledUri.ToFile(uri));

    [Theory]
    [InlineData("")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("lsp-glossary-bundled:glossary/training.yaml")]
    [InlineData("lsp-glossary-bundled://host/glossary/training.yaml")]
    [InlineData("lsp-glossary-bundled:/glossary/training.yaml?x=1")]
    [InlineData("lsp-glossary-bundled:/glossary/training.yaml#top")]
    [InlineData("lsp-glossary-bundled-not:/glossary/training.yaml")]
    public void Other_uris_are_not_ours(string uri) => Assert.Null(BundledUri.ToFile(uri));

    [Fact]
    public void A_uri_longer_than_the_bound_is_not_ours() =>
        Assert.Null(BundledUri.ToFile("lsp-glossary-bundled:/glossary/" + new string('a', BundledUri.MaxLength)));

    [Theory]
    [InlineData("""{"virtualDocuments":true}""", true)]
    [InlineData("""{"virtualDocuments":"yes"}""", false)]
    [InlineData("""{"statusNotification":true}""", false)]
    [InlineData("""[]""", false)]
    public void The_option_is_read_leniently(string options, bool expected) =>
        Assert.Equal(expected, ClientCapabilitiesReader.Read(null, JsonDocument.Parse(options).RootElement).VirtualDocuments);

    [Fact]
    public async Task Workspace_symbols_give_a_bundled_entry_at_its_virtual_uri_and_line()
    {
        await using var client = await StartAsync(asks: true);
        var rag = Assert.Single((await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "检索增强生成" }))["result"]!.AsArray())!;
        Assert.Equal("RAG (检索增强生成)", (string?)rag["name"]);
        Assert.Equal(RagFile, (string?)rag["location"]!["uri"]);
        string onDisk = Path.Combine(TestSupport.RepoRoot, "glossary", "prompting-evaluation-safety.yaml");
        int line = File.ReadAllLines(onDisk).ToList().FindIndex(l => l.Contains("- id: rag", StringComparison.Ordinal));
        Assert.Equal(line, (int)rag["location"]!["range"]!["start"]!["line"]!);

        var file = await BundledFileAsync(client, RagFile);
        Assert.Equal(File.ReadAllText(onDisk), (string?)file["result"]!["text"]);
        Assert.StartsWith("id: rag", await TextAtAsync(client, rag["location"]!));
    }

    [Fact]
    public async Task Definition_goes_to_a_bundled_entry_at_its_virtual_uri()
    {
        await using var client = await StartAsync(asks: true);
        await client.OpenAsync(Doc, "We tried RAG and 检索增强生成.");
        var rag = (await client.RequestAsync("textDocument/definition", InProcessClient.Position(Doc, 0, 10)))["result"]!;
        Assert.Equal(RagFile, (string?)rag["uri"]);
        Assert.StartsWith("id: rag", await TextAtAsync(client, rag));
        var chinese = (await client.RequestAsync("textDocument/definition", InProcessClient.Position(Doc, 0, 19)))["result"]!;
        Assert.True(JsonNode.DeepEquals(rag, chinese), chinese.ToJsonString());
    }

    [Fact]
    public async Task A_client_that_does_not_ask_gets_no_virtual_uri()
    {
        await using var client = await StartAsync(asks: false);
        Assert.Empty((await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "检索增强生成" }))["result"]!.AsArray());
        Assert.Empty((await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" }))["result"]!.AsArray());
        await client.OpenAsync(Doc, "We tried RAG.");
        var definition = await client.RequestAsync("textDocument/definition", InProcessClient.Position(Doc, 0, 10));
        Assert.Equal(JsonValueKind.Null, definition["result"]?.GetValueKind() ?? JsonValueKind.Null);
    }

    [Fact]
    public async Task With_a_glossary_folder_the_bundled_entries_are_files_whatever_the_client_asks()
    {
        await using var client = await StartAsync(asks: true, embeddedGlossary: false);
        var all = (await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" }))["result"]!.AsArray();
        Assert.NotEmpty(all);
        Assert.All(all, s => Assert.StartsWith("file:///", (string?)s!["location"]!["uri"]));
    }

    [Theory]
    [InlineData("lsp-glossary-bundled:/../../etc/passwd")]
    [InlineData("lsp-glossary-bundled:/glossary/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("lsp-glossary-bundled:/%2e%2e%2f%2e%2e%2fetc%2fpasswd")]
    [InlineData("lsp-glossary-bundled:/glossary/../glossary/training.yaml")]
    [InlineData("lsp-glossary-bundled:/glossary/nope.yaml")]
    [InlineData("lsp-glossary-bundled:/glossary/schema.json")]
    [InlineData("lsp-glossary-bundled:/GLOSSARY/training.yaml")]
    [InlineData("lsp-glossary-bundled:/")]
    public async Task A_uri_of_ours_that_names_no_embedded_file_answers_null(string uri)
    {
        await using var client = await StartAsync(asks: true);
        var answer = await BundledFileAsync(client, uri);
        Assert.Null(answer["error"]);
        Assert.Equal(JsonValueKind.Null, answer["result"]?.GetValueKind() ?? JsonValueKind.Null);
        await StillServesAsync(client);
    }

    [Fact]
    public async Task Malformed_uris_are_refused_and_the_server_keeps_serving()
    {
        await using var client = await StartAsync(asks: true);
        var huge = "lsp-glossary-bundled:/glossary/" + new string('a', 1_000_000);
        foreach (var uri in new JsonNode?[] { "", "file:///etc/passwd", "/etc/passwd", "lsp-glossary-bundled://host/glossary/training.yaml",
            "lsp-glossary-bundled:/glossary/training.yaml?x", huge, 3, null })
        {
            var answer = await BundledFileAsync(client, uri);
            Assert.Equal(-32602, (int)answer["error"]!["code"]!);
            Assert.True(((string?)answer["error"]!["message"])!.Length < 200, "the message does not repeat the uri");
        }
        var noUri = await client.RequestAsync("lspGlossary/bundledFile", new JsonObject());
        Assert.Equal(-32602, (int)noUri["error"]!["code"]!);
        await StillServesAsync(client);
    }

    /// <summary>A bundled file is still read and a hover still answered.</summary>
    private static async Task StillServesAsync(InProcessClient client)
    {
        var file = await BundledFileAsync(client, "lsp-glossary-bundled:/glossary/training.yaml");
        Assert.Contains("id: lora", (string?)file["result"]!["text"]);
        await client.OpenAsync("file:///still.md", "We use LoRA.");
        Assert.NotNull((await client.RequestAsync("textDocument/hover", InProcessClient.Position("file:///still.md", 0, 8)))["result"]);
    }
}
