using System.Security.Cryptography;
using System.Text;
using Latchkey.Core.Users;
using SkiaSharp;

namespace Latchkey.Core.Account;

/// <summary>
/// The picture of an account without an uploaded avatar: up to two initials, white, on a colour derived from the
/// user id (so it is stable and differs between people with the same initials). Its ETag is a hash of what it
/// is drawn from, so a conditional request is answered without drawing anything.
/// </summary>
public static class AvatarFallback
{
    /// <summary>Bump when the drawing changes, so caches drop the old pictures.</summary>
    private const string Version = "1";

    public static string Initials(User user)
    {
        var words = (user.ProfileName ?? user.Username ?? user.Email.Split('@')[0])
            .Split([' ', '.', '_', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.FirstOrDefault(c => DotFont.Glyph(c) is not null))
            .Where(c => c != default)
            .Select(char.ToUpperInvariant)
            .ToList();
        return words.Count switch
        {
            0 => "",
            1 => words[0].ToString(),
            _ => string.Concat(words[0], words[^1]),
        };
    }

    public static string ETag(Guid userId, string initials, int size) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Version}|{userId}|{initials}|{size}")).AsSpan(0, 16));

    public static byte[] Render(Guid userId, string initials, int size)
    {
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(Colour(userId));
        DrawInitials(canvas, initials, size);
        canvas.Flush();
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>A hue from the id's hash, at a saturation and value dark enough for white text (contrast above 4.5:1).</summary>
    private static SKColor Colour(Guid userId)
    {
        var hash = SHA256.HashData(userId.ToByteArray());
        return SKColor.FromHsv(BitConverter.ToUInt16(hash, 0) * 360f / 65536f, 65, 45);
    }

    private static void DrawInitials(SKCanvas canvas, string initials, int size)
    {
        if (initials.Length == 0) return;
        // Glyph cells with one empty column between letters, filling half the picture's width at most.
        var columns = initials.Length * DotFont.Columns + (initials.Length - 1);
        var cell = Math.Min(size * 0.5f / columns, size * 0.5f / DotFont.Rows);
        var left = (size - columns * cell) / 2f;
        var top = (size - DotFont.Rows * cell) / 2f;
        using var paint = new SKPaint { Color = SKColors.White, IsAntialias = true };
        for (var i = 0; i < initials.Length; i++)
        {
            var glyph = DotFont.Glyph(initials[i])!;
            var x0 = left + i * (DotFont.Columns + 1) * cell;
            for (var row = 0; row < DotFont.Rows; row++)
                for (var col = 0; col < DotFont.Columns; col++)
                    if (glyph[row][col] == '#')
                        canvas.DrawRoundRect(SKRect.Create(x0 + col * cell, top + row * cell, cell * 0.92f, cell * 0.92f), cell * 0.2f, cell * 0.2f, paint);
        }
    }
}
