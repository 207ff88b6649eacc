using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// Inserts <c>CellInterrupt.Check();</c> at the top of every <c>while</c>, <c>do</c>, <c>for</c> and
/// <c>foreach</c> body of a cell, on the line where the body starts, so that an interrupt stops tight loops
/// and line numbers in errors stay those of the cell (columns after the insertion on that line shift).
/// Loops in code the cell calls (the library, packages) and recursion are not reached.
/// </summary>
public sealed class LoopInterruptRewriter : CSharpSyntaxRewriter
{
    private static readonly CSharpParseOptions s_scriptOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    private LoopInterruptRewriter()
    {
    }

    /// <summary>The cell's code with the checks inserted; code without loops comes back unchanged.</summary>
    public static string Rewrite(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!code.Contains("while", StringComparison.Ordinal) && !code.Contains("for", StringComparison.Ordinal))
        {
            return code;
        }

        var root = CSharpSyntaxTree.ParseText(code, s_scriptOptions).GetRoot();
        return new LoopInterruptRewriter().Visit(root).ToFullString();
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node) =>
        base.VisitWhileStatement(node) is WhileStatementSyntax loop ? loop.WithStatement(Guard(loop.Statement)) : null;

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node) =>
        base.VisitDoStatement(node) is DoStatementSyntax loop ? loop.WithStatement(Guard(loop.Statement)) : null;

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node) =>
        base.VisitForStatement(node) is ForStatementSyntax loop ? loop.WithStatement(Guard(loop.Statement)) : null;

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node) =>
        base.VisitForEachStatement(node) is ForEachStatementSyntax loop ? loop.WithStatement(Guard(loop.Statement)) : null;

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node) =>
        base.VisitForEachVariableStatement(node) is ForEachVariableStatementSyntax loop ? loop.WithStatement(Guard(loop.Statement)) : null;

    private static StatementSyntax Guard(StatementSyntax body)
    {
        var check = SyntaxFactory.ParseStatement($"global::{typeof(CellInterrupt).FullName}.{nameof(CellInterrupt.Check)}();");
        if (body is BlockSyntax block)
        {
            // "{ check;" then whatever followed the brace (usually the line break): no line moves.
            var open = block.OpenBraceToken;
            return block
                .WithOpenBraceToken(open.WithTrailingTrivia(SyntaxFactory.Space))
                .WithStatements(block.Statements.Insert(0, check.WithTrailingTrivia(open.TrailingTrivia)));
        }

        if (body.IsMissing || body.GetLastToken().IsMissing)
        {
            // An unfinished loop: the compiler's error should be about the code as written.
            return body;
        }

        // A single statement becomes "{ check; statement }" on the statement's own lines.
        return SyntaxFactory.Block(
            SyntaxFactory.Token(body.GetLeadingTrivia(), SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
            SyntaxFactory.List([check.WithTrailingTrivia(SyntaxFactory.Space), body.WithoutLeadingTrivia().WithoutTrailingTrivia()]),
            SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.CloseBraceToken, body.GetTrailingTrivia()));
    }
}
