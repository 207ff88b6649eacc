using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RnnWorkbook.Notebook.Execution;

/// <summary>
/// Inserts <c>StackGuard.Check();</c> at the top of every method, local function, constructor, accessor and
/// block-bodied lambda or anonymous method of a cell, on the line where the body starts, so line numbers in
/// errors stay the cell's. An expression-bodied method or local function (<c>int F(int n) => F(n + 1);</c>)
/// becomes a block on the same lines (<c>{ check; return F(n + 1); }</c>). An expression-bodied lambda may be
/// an expression tree, which cannot hold statements, so it becomes a block only where the cell itself says it is
/// a delegate: the initializer of a variable declared as <c>Func&lt;…&gt;</c> or <c>Action&lt;…&gt;</c>, or assigned
/// to such a variable of the cell (<c>Func&lt;int, int&gt; f = null!; f = n =&gt; f(n + 1) + 1;</c>, the usual
/// recursive lambda). Async lambdas and lambdas with ref, out or in parameters are left as written.
/// </summary>
internal sealed class StackGuardRewriter : CSharpSyntaxRewriter
{
    private static readonly CSharpParseOptions s_scriptOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);
    private static readonly string s_check = $"global::{typeof(StackGuard).FullName}.{nameof(StackGuard.Check)}();";

    // The cell's variables declared with a Func or Action type: true when the delegate returns nothing.
    private readonly Dictionary<string, bool> _delegates;

    private StackGuardRewriter(Dictionary<string, bool> delegates) => _delegates = delegates;

    /// <summary>The cell's code with the checks inserted; code that declares no function comes back unchanged.</summary>
    public static string Rewrite(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!code.Contains('{', StringComparison.Ordinal) && !code.Contains("=>", StringComparison.Ordinal))
        {
            return code;
        }

        var root = CSharpSyntaxTree.ParseText(code, s_scriptOptions).GetRoot();
        var delegates = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var declaration in root.DescendantNodes().OfType<VariableDeclarationSyntax>())
        {
            if (DelegateReturnsNothing(declaration.Type) is { } returnsNothing)
            {
                foreach (var variable in declaration.Variables)
                {
                    delegates[variable.Identifier.ValueText] = returnsNothing;
                }
            }
        }

        return new StackGuardRewriter(delegates).Visit(root).ToFullString();
    }

    public override SyntaxNode? VisitVariableDeclaration(VariableDeclarationSyntax node)
    {
        var declaration = (VariableDeclarationSyntax)base.VisitVariableDeclaration(node)!;
        if (DelegateReturnsNothing(declaration.Type) is not { } returnsNothing)
        {
            return declaration;
        }

        return declaration.WithVariables(SyntaxFactory.SeparatedList(
            declaration.Variables.Select(v => v.Initializer?.Value is LambdaExpressionSyntax lambda
                ? v.WithInitializer(v.Initializer.WithValue(GuardExpressionLambda(lambda, returnsNothing)))
                : v),
            declaration.Variables.GetSeparators()));
    }

    public override SyntaxNode? VisitAssignmentExpression(AssignmentExpressionSyntax node)
    {
        var assignment = (AssignmentExpressionSyntax)base.VisitAssignmentExpression(node)!;
        return assignment is { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax target, Right: LambdaExpressionSyntax lambda }
            && _delegates.TryGetValue(target.Identifier.ValueText, out var returnsNothing)
            ? assignment.WithRight(GuardExpressionLambda(lambda, returnsNothing))
            : assignment;
    }

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var method = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        return GuardedBody(method.Body, method.ExpressionBody, method.SemicolonToken, method.ReturnType, method.Modifiers) is { } body
            ? method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body)
            : method;
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var function = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        return GuardedBody(function.Body, function.ExpressionBody, function.SemicolonToken, function.ReturnType, function.Modifiers) is { } body
            ? function.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body)
            : function;
    }

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node)
    {
        var constructor = (ConstructorDeclarationSyntax)base.VisitConstructorDeclaration(node)!;
        return constructor.Body is { } body ? constructor.WithBody(Guard(body)) : constructor;
    }

    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var accessor = (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!;
        return accessor.Body is { } body ? accessor.WithBody(Guard(body)) : accessor;
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        var lambda = (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
        return lambda.Block is { } body ? lambda.WithBlock(Guard(body)) : lambda;
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        var lambda = (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!;
        return lambda.Block is { } body ? lambda.WithBlock(Guard(body)) : lambda;
    }

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var method = (AnonymousMethodExpressionSyntax)base.VisitAnonymousMethodExpression(node)!;
        return method.WithBlock(Guard(method.Block));
    }

    private static StatementSyntax Check() => SyntaxFactory.ParseStatement(s_check);

    /// <summary>For <c>Func&lt;…&gt;</c> false, for <c>Action</c> or <c>Action&lt;…&gt;</c> true (optionally qualified with System), else null.</summary>
    private static bool? DelegateReturnsNothing(TypeSyntax type)
    {
        var name = type switch
        {
            QualifiedNameSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "System" }, Right: var right } => right,
            AliasQualifiedNameSyntax { Alias.Identifier.ValueText: "global" } global => global.Name,
            QualifiedNameSyntax { Left: AliasQualifiedNameSyntax { Alias.Identifier.ValueText: "global", Name.Identifier.ValueText: "System" }, Right: var right } => right,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
        return name switch
        {
            GenericNameSyntax { Identifier.ValueText: "Func" } => false,
            GenericNameSyntax { Identifier.ValueText: "Action" } or IdentifierNameSyntax { Identifier.ValueText: "Action" } => true,
            _ => null,
        };
    }

    /// <summary><c>x => expr</c> as <c>x => { check; return expr; }</c> on the same lines; other lambdas unchanged.</summary>
    private static LambdaExpressionSyntax GuardExpressionLambda(LambdaExpressionSyntax lambda, bool returnsNothing)
    {
        var parameters = lambda switch
        {
            SimpleLambdaExpressionSyntax simple => [simple.Parameter],
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters.ToArray(),
            _ => Array.Empty<ParameterSyntax>(),
        };
        if (lambda.ExpressionBody is not { } expression || lambda.AsyncKeyword != default
            || parameters.Any(p => p.Modifiers.Any(m => m.IsKind(SyntaxKind.RefKeyword) || m.IsKind(SyntaxKind.OutKeyword) || m.IsKind(SyntaxKind.InKeyword))))
        {
            return lambda;
        }

        var statement = BodyStatement(expression.WithoutTrivia(), returnsNothing);
        var open = SyntaxFactory.Token(expression.GetLeadingTrivia(), SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(SyntaxFactory.Space));
        var close = SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.CloseBraceToken, expression.GetTrailingTrivia());
        var block = SyntaxFactory.Block(open, SyntaxFactory.List([Check().WithTrailingTrivia(SyntaxFactory.Space), statement]), close);
        return lambda.WithExpressionBody(null).WithBlock(block);
    }

    /// <summary>"{ check;" then whatever followed the brace (usually the line break): no line moves.</summary>
    private static BlockSyntax Guard(BlockSyntax block)
    {
        if (block.OpenBraceToken.IsMissing || block.CloseBraceToken.IsMissing)
        {
            return block;
        }

        var open = block.OpenBraceToken;
        return block
            .WithOpenBraceToken(open.WithTrailingTrivia(SyntaxFactory.Space))
            .WithStatements(block.Statements.Insert(0, Check().WithTrailingTrivia(open.TrailingTrivia)));
    }

    /// <summary>A method's or local function's body with the check: a block guarded, an arrow made a block; null when it has neither.</summary>
    private static BlockSyntax? GuardedBody(BlockSyntax? body, ArrowExpressionClauseSyntax? arrow, SyntaxToken semicolon, TypeSyntax returnType, SyntaxTokenList modifiers) =>
        body is not null ? Guard(body)
        : arrow is not null && !semicolon.IsMissing ? Block(arrow, semicolon, ReturnsNothing(returnType, modifiers))
        : null;

    /// <summary>What an expression body does as a statement: <c>throw …;</c>, <c>expr;</c> when nothing is returned, else <c>return expr;</c>.</summary>
    private static StatementSyntax BodyStatement(ExpressionSyntax expression, bool returnsNothing)
    {
        var end = SyntaxFactory.Token(SyntaxKind.SemicolonToken).WithTrailingTrivia(SyntaxFactory.Space);
        return expression switch
        {
            ThrowExpressionSyntax thrown => SyntaxFactory.ThrowStatement(
                SyntaxFactory.Token(SyntaxKind.ThrowKeyword).WithLeadingTrivia(thrown.ThrowKeyword.LeadingTrivia).WithTrailingTrivia(thrown.ThrowKeyword.TrailingTrivia),
                thrown.Expression, end),
            _ when returnsNothing => SyntaxFactory.ExpressionStatement(expression, end),
            _ => SyntaxFactory.ReturnStatement(SyntaxFactory.Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(SyntaxFactory.Space), expression, end),
        };
    }

    /// <summary><c>=> expr;</c> as <c>{ check; return expr; }</c>: the arrow becomes "{ check; return", the semicolon "; }".</summary>
    private static BlockSyntax Block(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon, bool returnsNothing)
    {
        var statement = BodyStatement(arrow.Expression, returnsNothing);
        var open = SyntaxFactory.Token(arrow.ArrowToken.LeadingTrivia, SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(SyntaxFactory.Space));
        var close = SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.CloseBraceToken, semicolon.TrailingTrivia);
        return SyntaxFactory.Block(open, SyntaxFactory.List([Check().WithTrailingTrivia(SyntaxFactory.Space), statement.WithLeadingTrivia(arrow.ArrowToken.TrailingTrivia.AddRange(statement.GetLeadingTrivia()))]), close);
    }

    /// <summary>void, or async Task/ValueTask without a result: the expression body is a statement, not a return value.</summary>
    private static bool ReturnsNothing(TypeSyntax returnType, SyntaxTokenList modifiers)
    {
        if (returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword })
        {
            return true;
        }

        var name = returnType switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            QualifiedNameSyntax { Right: IdentifierNameSyntax right } => right.Identifier.ValueText,
            AliasQualifiedNameSyntax { Name: IdentifierNameSyntax aliased } => aliased.Identifier.ValueText,
            _ => null,
        };
        return modifiers.Any(SyntaxKind.AsyncKeyword) && name is "Task" or "ValueTask";
    }
}
