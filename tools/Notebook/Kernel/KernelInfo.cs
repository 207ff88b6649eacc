using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>The kernel_info_reply: protocol version, implementation and the language (C#) front ends highlight.</summary>
public static class KernelInfo
{
    public const string Implementation = "rnnworkbook";

    public static JsonObject Content()
    {
        var languageVersion = LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString();
        var version = typeof(KernelInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        return new JsonObject
        {
            ["status"] = "ok",
            ["protocol_version"] = JupyterMessage.ProtocolVersion,
            ["implementation"] = Implementation,
            ["implementation_version"] = version.Split('+')[0],
            ["language_info"] = new JsonObject
            {
                ["name"] = "C#",
                ["version"] = languageVersion,
                ["mimetype"] = "text/x-csharp",
                ["file_extension"] = ".cs",
                ["pygments_lexer"] = "csharp",
                ["codemirror_mode"] = "text/x-csharp",
            },
            ["banner"] = $"C# {languageVersion} (Roslyn scripting) on {RuntimeInformation.FrameworkDescription}: the RnnWorkbook kernel.",
            ["help_links"] = new JsonArray(),
            ["debugger"] = false,
        };
    }
}
