using RnnWorkbook.Notebook.Execution;

using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RnnWorkbook.Notebook.Documents;

/// <summary>One declaration of a notebook's <c>parameters</c> cell: <c>int epochs = 3;</c> is ("epochs", "int").</summary>
public sealed record ParameterDeclaration(string Name, string Type, bool IsConstant);

/// <summary>
/// Papermill's convention for C#: a notebook's sizes live in one code cell tagged <c>parameters</c> holding plain
/// declarations (<c>int epochs = 3;</c>); a run with other values gets a cell tagged <c>injected-parameters</c>
/// right after it, holding assignments (<c>epochs = 1;</c>), so the declared types are kept and every later cell
/// sees the new values. An existing injected cell is replaced, as papermill does.
/// </summary>
public static class NotebookParameters
{
    public const string ParametersTag = "parameters";
    public const string InjectedTag = "injected-parameters";

    private static readonly CSharpParseOptions s_script = CSharpParseOptions.Default.WithKind(SourceCodeKind.Script);

    /// <summary>The notebook's cell tagged <c>parameters</c>, or null; more than one, or a markdown cell, is an error.</summary>
    public static NotebookCell? FindParametersCell(NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var tagged = notebook.Cells.Where(c => c.Tags.Contains(ParametersTag)).ToList();
        return tagged switch
        {
            [] => null,
            [{ Kind: CellKind.Code } cell] => cell,
            [_] => throw new NotebookException($"{notebook.Path}: the cell tagged '{ParametersTag}' must be a code cell."),
            _ => throw new NotebookException($"{notebook.Path}: {tagged.Count} cells are tagged '{ParametersTag}'; a notebook has one."),
        };
    }

    /// <summary>The variables a parameters cell declares, in order.</summary>
    public static IReadOnlyList<ParameterDeclaration> Declarations(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var root = CSharpSyntaxTree.ParseText(source, s_script).GetCompilationUnitRoot();
        var declarations = new List<ParameterDeclaration>();
        foreach (var member in root.Members)
        {
            var (declaration, modifiers) = member switch
            {
                FieldDeclarationSyntax field => (field.Declaration, field.Modifiers),
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => (local.Declaration, local.Modifiers),
                _ => (null, default),
            };
            if (declaration is null)
                continue;
            var isConstant = modifiers.Any(SyntaxKind.ConstKeyword);
            declarations.AddRange(declaration.Variables.Select(v => new ParameterDeclaration(v.Identifier.ValueText, declaration.Type.ToString(), isConstant)));
        }

        return declarations;
    }

    /// <summary>
    /// Inserts (or replaces) the <c>injected-parameters</c> cell with <c>name = value;</c> for each pair, values
    /// being C# expressions. Fails, naming the declared parameters, on an unknown or constant name, and fails when
    /// values are given to a notebook without a parameters cell. No values: the notebook is left as it is.
    /// </summary>
    public static void Inject(NotebookDocument notebook, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
            return;

        var cell = FindParametersCell(notebook) ?? throw new NotebookException(
            $"{notebook.Path} has no code cell tagged '{ParametersTag}', so it takes no parameters " +
            $"(given: {string.Join(", ", values.Select(v => v.Key))}).");
        var declared = Declarations(cell.Source);
        var names = declared.Count == 0 ? "none" : string.Join(", ", declared.Select(d => $"{d.Type} {d.Name}"));
        var code = new StringBuilder("// Injected parameters\n");
        foreach (var (name, value) in values)
        {
            var declaration = declared.FirstOrDefault(d => d.Name == name) ?? throw new NotebookException(
                $"{notebook.Path}: '{name}' is not a parameter of this notebook; its parameters cell declares {names}.");
            if (declaration.IsConstant)
                throw new NotebookException($"{notebook.Path}: '{name}' is declared const, so it cannot be set; declare it without const.");
            var expression = SyntaxFactory.ParseExpression(value);
            if (string.IsNullOrWhiteSpace(value) || expression.ContainsDiagnostics || expression.FullSpan.Length != value.Length)
                throw new NotebookException($"{notebook.Path}: the value of '{name}' must be a C# expression, got '{value}'.");
            code.Append(name).Append(" = ").Append(value.Trim()).Append(";\n");
        }

        var index = notebook.Cells.ToList().IndexOf(cell) + 1;
        if (index < notebook.Cells.Count && notebook.Cells[index].Tags.Contains(InjectedTag))
            notebook.RemoveCell(index);
        var injected = notebook.InsertCodeCell(index, code.ToString().TrimEnd('\n'), cell.Language);
        injected.Json["metadata"]!["tags"] = new System.Text.Json.Nodes.JsonArray(InjectedTag);
    }

    /// <summary>Parses <c>name=value</c> (the command line's <c>--parameter</c>).</summary>
    public static KeyValuePair<string, string> ParseAssignment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=');
        var name = equals < 0 ? "" : text[..equals].Trim();
        if (equals < 0 || !SyntaxFacts.IsValidIdentifier(name))
            throw new ArgumentException($"--parameter expects name=value with a C# identifier as name, got '{text}'.");
        return new(name, text[(equals + 1)..]);
    }
}
