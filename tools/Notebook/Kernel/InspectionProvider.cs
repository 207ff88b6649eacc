using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RnnWorkbook.Notebook.Execution;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// Answers inspect_request (Shift+Tab in Jupyter): the signatures and XML documentation of the symbol at
/// the cursor, found with the semantic model of the cell compiled as the session's next submission.
/// </summary>
internal static class InspectionProvider
{
    private const int MaxOverloads = 8;

    private static readonly SymbolDisplayFormat s_signature = SymbolDisplayFormat.MinimallyQualifiedFormat
        .WithMemberOptions(SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType
            | SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeRef)
        .WithParameterOptions(SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName
            | SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut);

    public static JsonObject Inspect(ScriptSession session, string code, int cursorCodePoints)
    {
        var cursor = TextPositions.ToIndex(code, cursorCodePoints);
        var masked = CellMask.Mask(code);
        var script = session.Script?.ContinueWith(masked, session.Options) ?? CSharpScript.Create(masked, session.Options, typeof(NotebookGlobals));
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var symbols = SymbolsAt(model, tree.GetRoot(), cursor);
        var reply = new JsonObject { ["status"] = "ok", ["found"] = symbols.Count > 0, ["data"] = new JsonObject(), ["metadata"] = new JsonObject() };
        if (symbols.Count == 0)
        {
            return reply;
        }

        var lines = symbols.Take(MaxOverloads).Select(s => s.ToMinimalDisplayString(model, cursor, s_signature)).ToList();
        if (symbols.Count > MaxOverloads)
        {
            lines.Add($"(+{symbols.Count - MaxOverloads} more overloads)");
        }

        var documentation = DocumentationLookup.For(symbols[0], compilation);
        var text = string.Join("\n", lines) + (documentation.Length > 0 ? "\n\n" + documentation : "");
        reply["data"] = new JsonObject
        {
            ["text/plain"] = text,
            ["text/markdown"] = $"```csharp\n{string.Join("\n", lines)}\n```" + (documentation.Length > 0 ? "\n\n" + documentation : ""),
        };
        return reply;
    }

    private static List<ISymbol> SymbolsAt(SemanticModel model, SyntaxNode root, int cursor)
    {
        foreach (var position in new[] { cursor, cursor - 1 })
        {
            if (position < 0 || position >= root.FullSpan.End)
            {
                continue;
            }

            var token = root.FindToken(position);
            var node = token.Parent;
            if (token.IsKind(SyntaxKind.OpenParenToken) && node?.Parent is InvocationExpressionSyntax invocation)
            {
                node = invocation.Expression is MemberAccessExpressionSyntax access ? access.Name : invocation.Expression;
            }
            else if (!token.IsKind(SyntaxKind.IdentifierToken) && !token.IsKeyword())
            {
                continue;
            }

            if (node is null)
            {
                continue;
            }

            var info = model.GetSymbolInfo(node);
            var symbols = info.Symbol is { } symbol ? [symbol] : info.CandidateSymbols.ToList();
            if (symbols.Count == 0 && model.GetDeclaredSymbol(node) is { } declared)
            {
                symbols.Add(declared);
            }

            if (symbols.Count == 0 && model.GetTypeInfo(node).Type is { TypeKind: not TypeKind.Error } type)
            {
                symbols.Add(type);
            }

            if (symbols.Count > 0)
            {
                return symbols;
            }
        }

        return [];
    }
}
