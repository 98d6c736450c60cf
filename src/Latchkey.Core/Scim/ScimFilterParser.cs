using System.Globalization;
using Latchkey.Core.Common;

namespace Latchkey.Core.Scim;

/// <summary>
/// The filter grammar of RFC 7644 §3.4.2.2 by recursive descent: <c>or</c> binds loosest, then <c>and</c>, then
/// <c>not</c>, parentheses and value paths. Also parses PATCH paths (§3.5.2). Errors are <c>invalidFilter</c>
/// (or <c>invalidPath</c>) with the position, never an exception.
/// </summary>
public sealed class ScimFilterParser
{
    private const int MaxDepth = 32;
    private readonly List<FilterToken> _tokens;
    private int _next;
    private int _depth;

    private ScimFilterParser(List<FilterToken> tokens) => _tokens = tokens;

    public static Result<ScimFilter> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return ScimErrors.InvalidFilter("The filter is empty");
        if (text.Length > ScimFilterLexer.MaxLength) return ScimErrors.InvalidFilter("The filter is too long");
        var tokens = ScimFilterLexer.Tokenize(text, out var lexError);
        if (tokens is null) return ScimErrors.InvalidFilter(lexError!);
        var parser = new ScimFilterParser(tokens);
        try
        {
            var filter = parser.ParseOr();
            parser.Expect(TokenKind.End, "end of filter");
            return filter;
        }
        catch (FilterSyntaxException ex)
        {
            return ScimErrors.InvalidFilter(ex.Message);
        }
    }

    /// <summary>A PATCH path: <c>attr</c>, <c>attr.sub</c>, <c>attr[filter]</c>, <c>attr[filter].sub</c>, any with a schema URN.</summary>
    public static Result<ScimPatchPath> ParsePath(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > ScimFilterLexer.MaxLength) return ScimErrors.InvalidPath("The path is empty or too long");
        var tokens = ScimFilterLexer.Tokenize(text, out var lexError);
        if (tokens is null) return ScimErrors.InvalidPath(lexError!);
        var parser = new ScimFilterParser(tokens);
        try
        {
            var attr = parser.AttrPath(parser.Expect(TokenKind.Word, "attribute").Text);
            ScimFilter? filter = null;
            string? sub = null;
            if (parser.Accept(TokenKind.OpenBracket))
            {
                if (attr.SubAttr is not null) throw new FilterSyntaxException("A value filter follows an attribute, not a sub-attribute");
                filter = parser.ParseOr();
                parser.Expect(TokenKind.CloseBracket, "']'");
                if (parser.Peek.Kind == TokenKind.Word && parser.Peek.Text.StartsWith('.'))
                    sub = ValidName(parser.Take().Text[1..]);
            }
            parser.Expect(TokenKind.End, "end of path");
            return new ScimPatchPath(attr, filter, sub);
        }
        catch (FilterSyntaxException ex)
        {
            return ScimErrors.InvalidPath(ex.Message);
        }
    }

    private FilterToken Peek => _tokens[_next];

    private FilterToken Take() => _tokens[_next++];

    private bool Accept(TokenKind kind)
    {
        if (Peek.Kind != kind) return false;
        _next++;
        return true;
    }

    private bool AcceptWord(string word)
    {
        if (Peek.Kind != TokenKind.Word || !Peek.Text.Equals(word, StringComparison.OrdinalIgnoreCase)) return false;
        _next++;
        return true;
    }

    private FilterToken Expect(TokenKind kind, string what) =>
        Peek.Kind == kind ? Take() : throw new FilterSyntaxException($"Expected {what} at position {Peek.Position}");

    private ScimFilter ParseOr()
    {
        if (++_depth > MaxDepth) throw new FilterSyntaxException("The filter is nested too deeply");
        var left = ParseAnd();
        while (AcceptWord("or")) left = new ScimOr(left, ParseAnd());
        _depth--;
        return left;
    }

    private ScimFilter ParseAnd()
    {
        var left = ParseUnary();
        while (AcceptWord("and")) left = new ScimAnd(left, ParseUnary());
        return left;
    }

    private ScimFilter ParseUnary()
    {
        if (Peek.Kind == TokenKind.Word && Peek.Text.Equals("not", StringComparison.OrdinalIgnoreCase)
            && _tokens[_next + 1].Kind == TokenKind.Open)
        {
            _next++;
            return new ScimNot(Parenthesised());
        }
        if (Peek.Kind == TokenKind.Open) return Parenthesised();
        var attr = AttrPath(Expect(TokenKind.Word, "an attribute path").Text);
        if (Accept(TokenKind.OpenBracket))
        {
            if (attr.SubAttr is not null) throw new FilterSyntaxException("A value filter follows an attribute, not a sub-attribute");
            var inner = ParseOr();
            Expect(TokenKind.CloseBracket, "']'");
            // Some clients write emails[type eq "work"].value eq "x": the same as emails[type eq "work" and value eq "x"].
            if (Peek.Kind == TokenKind.Word && Peek.Text.StartsWith('.'))
            {
                var sub = new ScimAttrPath(null, ValidName(Take().Text[1..]), null);
                inner = new ScimAnd(inner, Comparison(sub));
            }
            return new ScimValuePath(attr, inner);
        }
        return Comparison(attr);
    }

    private ScimFilter Parenthesised()
    {
        Expect(TokenKind.Open, "'('");
        var inner = ParseOr();
        Expect(TokenKind.Close, "')'");
        return inner;
    }

    private ScimComparison Comparison(ScimAttrPath attr)
    {
        var opToken = Expect(TokenKind.Word, "an operator");
        if (!Enum.TryParse<ScimOperator>(opToken.Text, ignoreCase: true, out var op) || !char.IsAsciiLetter(opToken.Text[0]))
            throw new FilterSyntaxException($"Unknown operator '{opToken.Text}' at position {opToken.Position}");
        if (op == ScimOperator.Pr) return new ScimComparison(attr, op, null);
        return new ScimComparison(attr, op, Value());
    }

    private object? Value()
    {
        var token = Take();
        if (token.Kind == TokenKind.String) return token.Text;
        if (token.Kind != TokenKind.Word) throw new FilterSyntaxException($"Expected a value at position {token.Position}");
        // ABNF literals are case-insensitive (RFC 5234 §2.3): True, FALSE and Null are the keywords too.
        if (token.Text.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
        if (token.Text.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
        if (token.Text.Equals("null", StringComparison.OrdinalIgnoreCase)) return null;
        if (decimal.TryParse(token.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var number)) return number;
        throw new FilterSyntaxException($"Expected a value (a quoted string, a number, true, false or null) at position {token.Position}");
    }

    /// <summary>Splits <c>[urn:...:]attr[.sub]</c>; the URN is everything before the last colon.</summary>
    private ScimAttrPath AttrPath(string text)
    {
        string? schema = null;
        var rest = text;
        if (text.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            var colon = text.LastIndexOf(':');
            schema = text[..colon];
            rest = text[(colon + 1)..];
        }
        var dot = rest.IndexOf('.');
        if (dot < 0) return new ScimAttrPath(schema, ValidName(rest), null);
        return new ScimAttrPath(schema, ValidName(rest[..dot]), ValidName(rest[(dot + 1)..]));
    }

    /// <summary>RFC 7643 ATTRNAME: ALPHA *(nameChar); <c>$ref</c> is the one reserved exception.</summary>
    private static string ValidName(string name)
    {
        if (name == "$ref") return name;
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            throw new FilterSyntaxException($"'{name}' is not an attribute name");
        return name;
    }

    private sealed class FilterSyntaxException(string message) : Exception(message);
}

/// <summary>A PATCH operation's target (RFC 7644 §3.5.2): an attribute, optionally narrowed by a value filter and a sub-attribute.</summary>
public sealed record ScimPatchPath(ScimAttrPath Attribute, ScimFilter? ValueFilter, string? SubAttr);
