using System.Text.Json.Nodes;

namespace LspGlossary.Tests;

/// <summary>
/// The quick fixes that write the team glossary, over the protocol with an in-memory workspace, for a VS Code-like
/// client (code action literals, documentChanges, create, snippet edits, showDocument) and a minimal one (Commands,
/// applyEdit, nothing else): the edit the client gets, and what the server does once the client applied it.
/// </summary>
public class TeamGlossaryProtocolTests
{
    private const string Team = "terms:\n  - id: zorp\n    term: ZORP\n    definition: { en: A team term. }\n";

    private const string VsCode = """
        {"textDocument":{"codeAction":{"codeActionLiteralSupport":{"codeActionKind":{"valueSet":["quickfix","source"]}},
                                       "dataSupport":true,"resolveSupport":{"properties":["edit"]}}},
         "workspace":{"applyEdit":true,"workspaceFolders":true,
                      "workspaceEdit":{"documentChanges":true,"resourceOperations":["create","rename","delete"],"snippetEditSupport":true}},
         "window":{"showDocument":{"support":true}}}
        """;

    private const string Minimal = """{"workspace":{"applyEdit":true}}""";

    /// <summary>A client with snippet edits but no window/showDocument: the stub entry comes as a snippet edit.</summary>
    private static readonly string SnippetsOnly = VsCode.Replace("\"window\":{\"showDocument\":{\"support\":true}}", "\"window\":{}", StringComparison.Ordinal);

    private static WorkspaceFixture Fixture(string document, string? team = null) =>
        WorkspaceFixture.Parse((team is null ? "" : "--- team.glossary.yaml\n" + team) + "--- docs/a.md\n" + document);

    private static Task<InProcessClient> Start(WorkspaceFixture fixture, string capabilities, Func<JsonObject, JsonNode?>? handler = null) =>
        InProcessClient.StartAsync(workspace: fixture.Workspace, workspaceFolders: [fixture.Workspace.Root], capabilitiesJson: capabilities, requestHandler: handler);

    /// <summary>A server on a workspace of <c>docs/a.md</c> (open with <paramref name="document"/>) and, when given, the team glossary.</summary>
    private sealed record Opened(WorkspaceFixture Fixture, InProcessClient Client, string Doc, string Team) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Client.DisposeAsync();
    }

    private static async Task<Opened> OpenAsync(string document, string? team, string capabilities, Func<JsonObject, JsonNode?>? handler = null)
    {
        var fixture = Fixture(document, team);
        var client = await Start(fixture, capabilities, handler);
        string doc = fixture.Uri("docs/a.md");
        await client.OpenAsync(doc, document);
        return new Opened(fixture, client, doc, fixture.Uri("team.glossary.yaml"));
    }

    private static JsonObject Range(int line, int character, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = line, ["character"] = character },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    private static async Task<JsonArray> ActionsAsync(InProcessClient client, string uri, int line, int character, JsonArray? diagnostics = null)
    {
        var response = await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = Range(line, character, line, character),
            ["context"] = new JsonObject { ["diagnostics"] = diagnostics ?? [] },
        });
        return response["result"]!.AsArray();
    }

    private static JsonNode Titled(JsonArray actions, string title) =>
        actions.FirstOrDefault(a => (string?)a!["title"] == title) ?? throw new Xunit.Sdk.XunitException($"no '{title}' in {actions.ToJsonString()}");

    private static async Task FileChangedAsync(InProcessClient client, WorkspaceFixture fixture, string relative, string text, int type)
    {
        lock (fixture.Workspace.Files) fixture.Workspace.Files[fixture.Workspace.PathOf(relative)] = text;
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = fixture.Uri(relative), ["type"] = type }),
        });
    }

    private static Task CleanAsync(InProcessClient client, string uri) =>
        client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == uri && p["diagnostics"]!.AsArray().Count == 0);

    [Fact]
    public async Task Vs_code_accepts_a_spelling_in_a_team_glossary_it_creates_and_the_finding_goes()
    {
        await using var opened = await OpenAsync("We use Lora here.\n", null, VsCode);
        var (fixture, client, doc, team) = opened;

        var actions = await ActionsAsync(client, doc, 0, 8);
        Assert.Equal(["Change 'Lora' to 'LoRA'", "Ignore 'Lora' on this line", "Accept 'Lora' as a spelling of LoRA", "Disable LoRA in this project"],
            actions.Take(4).Select(a => (string?)a!["title"]));
        Assert.Equal("source.fixAll.lspGlossary", (string?)actions[^1]!["kind"]);

        var accept = Titled(actions, "Accept 'Lora' as a spelling of LoRA");
        Assert.Equal("quickfix", (string?)accept["kind"]);
        Assert.Equal("glossary.wrong-variant", (string?)accept["diagnostics"]![0]!["code"]);
        var changes = accept["edit"]!["documentChanges"]!.AsArray();
        Assert.Null(accept["edit"]!["changes"]);
        Assert.Equal("create", (string?)changes[0]!["kind"]);
        Assert.Equal(team, (string?)changes[0]!["uri"]);
        var textDocument = changes[1]!["textDocument"]!.AsObject();
        Assert.Equal(team, (string?)textDocument["uri"]);
        Assert.True(textDocument.ContainsKey("version") && textDocument["version"] is null, "a file not open: version null");
        var edit = changes[1]!["edits"]!.AsArray().Single()!;
        Assert.True(JsonNode.DeepEquals(Range(0, 0, 0, 0), edit["range"]));
        Assert.Equal("terms:\n  - id: lora\n    aliases: [Lora]\n", (string?)edit["newText"]);

        // The client creates the file; its watcher tells the server; the finding is gone.
        await FileChangedAsync(client, fixture, "team.glossary.yaml", (string)edit["newText"]!, type: 1);
        await CleanAsync(client, doc);
        var after = await ActionsAsync(client, doc, 0, 8);
        Assert.Equal(["Disable LoRA in this project"], after.Select(a => (string?)a!["title"]));
        var disable = after[0]!["edit"]!["documentChanges"]!.AsArray().Single()!;
        Assert.Equal("    disabled: true\n", (string?)disable["edits"]![0]!["newText"]);
    }

    [Fact]
    public async Task An_unknown_acronym_gets_a_stub_entry_whose_definition_is_a_snippet_and_then_hovers()
    {
        Assert.DoesNotContain("showDocument", SnippetsOnly);
        await using var opened = await OpenAsync("The ZQX team.\n", Team, SnippetsOnly);
        var (fixture, client, doc, team) = opened;
        var unknown = new JsonObject { ["range"] = Range(0, 4, 0, 7), ["message"] = "An unknown acronym.", ["code"] = "glossary.unknown-acronym", ["data"] = "ZQX" };

        var add = Titled(await ActionsAsync(client, doc, 0, 5, [unknown.DeepClone()]), "Add 'ZQX' to the team glossary");
        var change = add["edit"]!["documentChanges"]!.AsArray().Single()!;
        Assert.Equal(team, (string?)change["textDocument"]!["uri"]);
        var snippet = change["edits"]!.AsArray().Single()!;
        Assert.True(JsonNode.DeepEquals(Range(4, 0, 4, 0), snippet["range"]));
        Assert.Equal("snippet", (string?)snippet["snippet"]!["kind"]);
        Assert.Equal("  - id: zqx\n    term: ZQX\n    category: general\n    definition: { en: \"${1:TODO: what ZQX means}\" \\}\n", (string?)snippet["snippet"]!["value"]);

        // Without data, the term is read from the diagnostic's range; no diagnostic, no action.
        unknown.Remove("data");
        Assert.Contains(await ActionsAsync(client, doc, 0, 5, [unknown.DeepClone()]), a => (string?)a!["title"] == "Add 'ZQX' to the team glossary");
        Assert.DoesNotContain(await ActionsAsync(client, doc, 0, 5), a => ((string?)a!["title"])!.StartsWith("Add", StringComparison.Ordinal));

        await FileChangedAsync(client, fixture, "team.glossary.yaml", Team + "  - id: zqx\n    term: ZQX\n    category: general\n    definition: { en: \"TODO: what ZQX means\" }\n", type: 2);
        var hover = await client.RequestAsync("textDocument/hover", InProcessClient.Position(doc, 0, 5));
        Assert.Contains("TODO: what ZQX means", hover["result"]!["contents"]!.ToJsonString());
    }

    [Fact]
    public async Task A_minimal_client_gets_commands_only_once_the_file_exists_and_the_server_applies_them()
    {
        var applied = new List<JsonNode>();
        await using var opened = await OpenAsync("We use Lora here.\n", null, Minimal, request =>
        {
            if ((string?)request["method"] != "workspace/applyEdit") return null;
            applied.Add(request["params"]!.DeepClone());
            return new JsonObject { ["applied"] = true };
        });
        var (fixture, client, doc, team) = opened;

        // No file, and no way to create one: no team glossary command.
        var commands = await ActionsAsync(client, doc, 0, 8);
        Assert.Equal(["lspGlossary.server.fix", "lspGlossary.server.fix", "lspGlossary.server.fixAll"], commands.Select(c => (string?)c!["command"]));

        lock (fixture.Workspace.Files) fixture.Workspace.Files[fixture.Workspace.PathOf("team.glossary.yaml")] = Team;
        commands = await ActionsAsync(client, doc, 0, 8);
        Assert.Equal(["Change 'Lora' to 'LoRA'", "Ignore 'Lora' on this line", "Accept 'Lora' as a spelling of LoRA", "Disable LoRA in this project", "Fix all glossary findings in the file (1)"],
            commands.Select(c => (string?)c!["title"]));
        var accept = commands[2]!;
        Assert.Equal("lspGlossary.server.teamGlossary", (string?)accept["command"]);

        var answer = await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = accept["command"]!.DeepClone(), ["arguments"] = accept["arguments"]!.DeepClone() });
        Assert.True(answer["error"] is null, answer.ToJsonString());
        var edit = Assert.Single(applied)!["edit"]!;
        Assert.Null(edit["documentChanges"]);
        var textEdit = edit["changes"]![team]!.AsArray().Single()!;
        Assert.True(JsonNode.DeepEquals(Range(4, 0, 4, 0), textEdit["range"]));
        Assert.Equal("  - id: lora\n    aliases: [Lora]\n", (string?)textEdit["newText"]);

        await FileChangedAsync(client, fixture, "team.glossary.yaml", Team + (string)textEdit["newText"]!, type: 2);
        await CleanAsync(client, doc);
    }

    [Fact]
    public async Task Without_snippets_a_new_entry_is_a_command_that_applies_it_and_shows_its_definition()
    {
        var requests = new List<JsonObject>();
        await using var opened = await OpenAsync("The ZQX team.\n", Team, VsCode.Replace(",\"snippetEditSupport\":true", ""), request =>
        {
            lock (requests) requests.Add((JsonObject)request.DeepClone());
            return (string?)request["method"] switch
            {
                "workspace/applyEdit" => new JsonObject { ["applied"] = true },
                "window/showDocument" => new JsonObject { ["success"] = true },
                _ => null,
            };
        });
        var (_, client, doc, team) = opened;
        var unknown = new JsonObject { ["range"] = Range(0, 4, 0, 7), ["message"] = "An unknown acronym.", ["code"] = "glossary.unknown-acronym" };

        var add = Titled(await ActionsAsync(client, doc, 0, 5, [unknown.DeepClone()]), "Add 'ZQX' to the team glossary");
        Assert.Null(add["edit"]);
        var command = add["command"]!;
        var answer = await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = command["command"]!.DeepClone(), ["arguments"] = command["arguments"]!.DeepClone() });
        Assert.True(answer["error"] is null, answer.ToJsonString());

        List<JsonObject> sent;
        lock (requests) sent = requests.Where(r => (string?)r["method"] is "workspace/applyEdit" or "window/showDocument").ToList();
        Assert.Equal(["workspace/applyEdit", "window/showDocument"], sent.Select(r => (string?)r["method"]));
        var textEdit = sent[0]["params"]!["edit"]!["documentChanges"]![0]!["edits"]![0]!;
        Assert.Equal("  - id: zqx\n    term: ZQX\n    category: general\n    definition: { en: \"TODO: what ZQX means\" }\n", (string?)textEdit["newText"]);
        var show = sent[1]["params"]!;
        Assert.Equal(team, (string?)show["uri"]);
        int character = "    definition: { en: \"".Length;
        Assert.True(JsonNode.DeepEquals(Range(7, character, 7, character + "TODO: what ZQX means".Length), show["selection"]), show.ToJsonString());
    }

    [Fact]
    public async Task An_open_team_glossary_is_edited_at_its_version_and_one_that_does_not_load_is_not_edited()
    {
        await using var opened = await OpenAsync("We use Lora here.\n", Team, VsCode);
        var (_, client, doc, team) = opened;
        await client.OpenAsync(team, Team + "  - id: lora\n    note: ours\n", "yaml", version: 7);

        var accept = Titled(await ActionsAsync(client, doc, 0, 8), "Accept 'Lora' as a spelling of LoRA");
        var change = accept["edit"]!["documentChanges"]!.AsArray().Single()!;
        Assert.Equal(7, (int)change["textDocument"]!["version"]!);
        Assert.Equal("    aliases: [Lora]\n", (string?)change["edits"]![0]!["newText"]);
        Assert.True(JsonNode.DeepEquals(Range(6, 0, 6, 0), change["edits"]![0]!["range"]));

        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = team, ["version"] = 8 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "terms: [\n" }),
        });
        var titles = (await ActionsAsync(client, doc, 0, 8)).Select(a => (string?)a!["title"]).ToList();
        Assert.Equal(["Change 'Lora' to 'LoRA'", "Ignore 'Lora' on this line"], titles.Take(2));
        Assert.DoesNotContain(titles, t => t!.StartsWith("Accept", StringComparison.Ordinal) || t.StartsWith("Disable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_team_glossary_over_4_MB_is_not_edited()
    {
        await using var opened = await OpenAsync("We use Lora here.\n", "terms: []\n# " + new string('x', 4 * 1024 * 1024) + "\n", VsCode);
        var titles = (await ActionsAsync(opened.Client, opened.Doc, 0, 8)).Select(a => (string?)a!["title"]).ToList();
        Assert.Contains("Ignore 'Lora' on this line", titles);
        Assert.DoesNotContain(titles, t => t!.StartsWith("Accept", StringComparison.Ordinal) || t.StartsWith("Disable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_document_outside_the_workspace_folders_has_no_team_glossary()
    {
        await using var opened = await OpenAsync("We use Lora here.\n", null, VsCode);
        var client = opened.Client;
        const string elsewhere = "file:///elsewhere/notes.md";
        await client.OpenAsync(elsewhere, "We use Lora here.\n");
        var titles = (await ActionsAsync(client, elsewhere, 0, 8)).Select(a => (string?)a!["title"]);
        Assert.DoesNotContain(titles, t => t!.StartsWith("Accept", StringComparison.Ordinal));
    }
}
