using System.Text;
using System.Text.Json;

namespace Latchkey.Core.Scim;

internal enum TokenKind { Word, String, Open, Close, OpenBracket, CloseBracket, End }

internal readonly record struct FilterToken(TokenKind Kind, string Text, int Position);

/// <summary>Splits a filter or PATCH path into words, JSON string literals, parentheses and brackets.</summary>
internal static class ScimFilterLexer
{
    public const int MaxLength = 4096;

    public static List<FilterToken>? Tokenize(string text, out string? error)
    {
        error = null;
        var tokens = new List<FilterToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == ' ') { i++; continue; }
            switch (c)
            {
                case '(': tokens.Add(new(TokenKind.Open, "(", i++)); continue;
                case ')': tokens.Add(new(TokenKind.Close, ")", i++)); continue;
                case '[': tokens.Add(new(TokenKind.OpenBracket, "[", i++)); continue;
                case ']': tokens.Add(new(TokenKind.CloseBracket, "]", i++)); continue;
                case '"':
                    var end = StringEnd(text, i);
                    if (end < 0) { error = $"Unterminated string at position {i}"; return null; }
                    string? value;
                    try { value = JsonSerializer.Deserialize<string>(text.AsSpan(i, end - i + 1)); }
                    catch (JsonException) { error = $"Invalid string at position {i}"; return null; }
                    tokens.Add(new(TokenKind.String, value ?? "", i));
                    i = end + 1;
                    continue;
            }
            if (!IsWordChar(c)) { error = $"Unexpected character '{c}' at position {i}"; return null; }
            var start = i;
            var word = new StringBuilder();
            while (i < text.Length && IsWordChar(text[i])) word.Append(text[i++]);
            tokens.Add(new(TokenKind.Word, word.ToString(), start));
        }
        tokens.Add(new(TokenKind.End, "", text.Length));
        return tokens;
    }

    /// <summary>Index of the closing quote of the string opened at <paramref name="start"/>, honouring backslash escapes.</summary>
    private static int StringEnd(string text, int start)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] == '"') return i;
        }
        return -1;
    }

    // ATTRNAME chars, URN separators, sub-attribute dots and number characters.
    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':' or '.' or '$' or '+';
}
