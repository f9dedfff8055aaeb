using System.Text.Json;
using LspGlossary.Server.Protocol;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>workspace/didChangeConfiguration: settings pushed by the client, or a cue to pull them (and per folder in a multi-root workspace).</summary>
public sealed class ConfigurationEndpoint(Session session)
{
    [JsonRpcMethod(Methods.DidChangeConfiguration, UseSingleObjectParameterDeserialization = true)]
    public void DidChangeConfiguration(JsonElement parameters) => Endpoint.Handle(session.Client, Methods.DidChangeConfiguration, () =>
    {
        var p = Json.Read(parameters, LspJsonContext.Default.DidChangeConfigurationParams, Methods.DidChangeConfiguration);
        if (p.Settings is { ValueKind: JsonValueKind.Object } pushed && pushed.TryGetProperty(SettingsReader.Section, out _))
        {
            session.ApplySettings(pushed);
            // Pushed settings have no folder scope: a multi-root workspace's folders are asked again for theirs.
            if (session.State.Glossary.WorkspaceFolders.Count > 1) _ = session.RefreshSettingsAsync();
        }
        else
        {
            _ = session.RefreshSettingsAsync();
        }
    });
}
