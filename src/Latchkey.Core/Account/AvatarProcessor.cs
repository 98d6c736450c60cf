using Latchkey.Core.Common;
using SkiaSharp;

namespace Latchkey.Core.Account;

/// <summary>
/// Turns an uploaded file into the stored PNGs. The header is read first (SKCodec parses it without decoding
/// pixels), so a file declaring more pixels than allowed — a decompression bomb — is refused before any memory
/// is spent on it. Only the first frame is decoded (an animated GIF becomes a still), the picture is cropped
/// to its centre square, turned upright as its EXIF orientation says, and re-drawn at each size: nothing of
/// the file but its pixels survives, so metadata such as GPS position is gone.
/// </summary>
public static class AvatarProcessor
{
    private static readonly SKEncodedImageFormat[] Accepted =
        [SKEncodedImageFormat.Png, SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Webp, SKEncodedImageFormat.Gif];

    public static readonly AuthError NotAnImage = AuthError.Field("avatar", "The avatar must be a PNG, JPEG, WebP or GIF image");

    public static Result<IReadOnlyList<byte[]>> Process(byte[] file, AvatarOptions options)
    {
        using var data = SKData.CreateCopy(file);
        using var codec = SKCodec.Create(data);
        if (codec is null || !Accepted.Contains(codec.EncodedFormat)) return NotAnImage;
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || width > options.MaxSide || height > options.MaxSide || (long)width * height > options.MaxPixels)
            return AuthError.Field("avatar", $"The avatar may have at most {options.MaxPixels} pixels and {options.MaxSide} on a side");

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        // Frame 0 only; a truncated or corrupt file is refused rather than stored half-drawn.
        if (codec.GetPixels(info, decoded.GetPixels()) != SKCodecResult.Success)
            return AuthError.Field("avatar", "The avatar image is damaged or incomplete");
        using var image = SKImage.FromBitmap(decoded);
        return AvatarSizes.All.Select(size => Render(image, size, codec.EncodedOrigin)).ToList();
    }

    private static byte[] Render(SKImage image, int size, SKEncodedOrigin origin)
    {
        var side = Math.Min(image.Width, image.Height);
        var source = SKRect.Create((image.Width - side) / 2f, (image.Height - side) / 2f, side, side);
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        Orient(canvas, origin, size / 2f);
        canvas.DrawImage(image, source, SKRect.Create(size, size), new SKSamplingOptions(SKCubicResampler.Mitchell));
        canvas.Flush();
        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>
    /// EXIF orientation (TIFF tag 274) as canvas transforms about the centre: the output is square, so each of the
    /// eight cases is a rotation, a mirror, or both. The last transform applied is the first one the pixels see.
    /// </summary>
    private static void Orient(SKCanvas canvas, SKEncodedOrigin origin, float centre)
    {
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, centre, centre); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, centre, centre); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, centre, centre); break;
            case SKEncodedOrigin.LeftTop: canvas.Scale(-1, 1, centre, centre); canvas.RotateDegrees(90, centre, centre); break;
            case SKEncodedOrigin.RightTop: canvas.RotateDegrees(90, centre, centre); break;
            case SKEncodedOrigin.RightBottom: canvas.RotateDegrees(90, centre, centre); canvas.Scale(-1, 1, centre, centre); break;
            case SKEncodedOrigin.LeftBottom: canvas.RotateDegrees(270, centre, centre); break;
        }
    }
}
