using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// Answers is_complete_request with Roslyn's script parser: "incomplete" (with the indent for the next line)
/// while a brace, parenthesis, bracket, multi-line string or comment is still open or the last statement
/// lacks its end; "invalid" when the code parses to errors that more lines cannot fix; "complete" otherwise.
/// </summary>
public static class CompletenessChecker
{
    private const int IndentWidth = 4;

    private static readonly CSharpParseOptions s_scriptOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    // Unterminated verbatim or raw string literals: more lines close them.
    private static readonly HashSet<string> s_openLiterals = ["CS1039", "CS8997", "CS9000"];

    public static JsonObject Check(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var tree = CSharpSyntaxTree.ParseText(CellMask.Mask(code), s_scriptOptions);
        var root = tree.GetRoot();
        var errors = tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (!SyntaxFactory.IsCompleteSubmission(tree) || errors.Any(e => s_openLiterals.Contains(e.Id)))
        {
            return new JsonObject { ["status"] = "incomplete", ["indent"] = new string(' ', IndentWidth * OpenDepth(root)) };
        }

        return new JsonObject { ["status"] = errors.Count == 0 ? "complete" : "invalid" };
    }

    private static int OpenDepth(SyntaxNode root)
    {
        var depth = 0;
        foreach (var token in root.DescendantTokens())
        {
            if (token.IsMissing)
            {
                continue;
            }

            if (token.IsKind(SyntaxKind.OpenBraceToken) || token.IsKind(SyntaxKind.OpenParenToken) || token.IsKind(SyntaxKind.OpenBracketToken))
            {
                depth++;
            }
            else if (token.IsKind(SyntaxKind.CloseBraceToken) || token.IsKind(SyntaxKind.CloseParenToken) || token.IsKind(SyntaxKind.CloseBracketToken))
            {
                depth--;
            }
        }

        return Math.Max(depth, 0);
    }
}
