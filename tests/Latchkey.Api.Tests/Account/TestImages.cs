using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Latchkey.Api.Tests.Account;

/// <summary>Pictures for the avatar tests, made here so nothing binary is committed.</summary>
public static class TestImages
{
    public static byte[] Encoded(SKEncodedImageFormat format, int width, int height, SKColor? colour = null)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(colour ?? SKColors.Teal);
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawRect(0, 0, width / 2f, height / 2f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    public static byte[] Png(int width = 300, int height = 200) => Encoded(SKEncodedImageFormat.Png, width, height);

    /// <summary>A JPEG carrying an EXIF segment with a recognisable GPS marker, as a phone photo would.</summary>
    public static byte[] JpegWithExif(string marker)
    {
        var jpeg = Encoded(SKEncodedImageFormat.Jpeg, 320, 240);
        var payload = Encoding.ASCII.GetBytes("Exif\0\0" + marker);
        var segment = new byte[4 + payload.Length];
        (segment[0], segment[1]) = ((byte)0xFF, (byte)0xE1);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>A 1×1 Windows bitmap: an image, but not a format avatars accept.</summary>
    public static byte[] Bmp() =>
        [(byte)'B', (byte)'M', 58, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, 40, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 24, 0,
         0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 0];

    public static byte[] Webp() => Encoded(SKEncodedImageFormat.Webp, 128, 128);

    /// <summary>A two-frame GIF (1×1, black then white): only the first frame becomes the avatar.</summary>
    public static byte[] AnimatedGif()
    {
        byte[] header = [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF];
        byte[] Frame(byte index) => [0x21, 0xF9, 4, 0, 10, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, (byte)(index == 0 ? 0x44 : 0x4C), 0x01, 0];
        return [.. header, .. Frame(0), .. Frame(1), 0x3B];
    }

    /// <summary>
    /// A decompression bomb: a valid PNG of a few hundred bytes whose header declares <paramref name="side"/>² pixels
    /// (the image data is a zlib stream of zeros). Decoding it would need side² × 4 bytes.
    /// </summary>
    public static byte[] PngBomb(int side = 50_000)
    {
        var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, side);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), side);
        (ihdr[8], ihdr[9]) = (8, 6); // 8-bit RGBA
        Chunk(output, "IHDR", ihdr);
        var zeros = new MemoryStream();
        using (var z = new ZLibStream(zeros, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(new byte[64 * 1024]);
        Chunk(output, "IDAT", zeros.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeAndData = (byte[])[.. Encoding.ASCII.GetBytes(type), .. data];
        output.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typeAndData));
        output.Write(length);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>Width and height of an encoded picture, read back with the same library the server uses.</summary>
    public static (int Width, int Height, SKEncodedImageFormat Format) Describe(byte[] image)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(image)) ?? throw new InvalidDataException("not an image");
        return (codec.Info.Width, codec.Info.Height, codec.EncodedFormat);
    }

    /// <summary>The colour of the picture's top-left pixel.</summary>
    public static SKColor TopLeft(byte[] image)
    {
        using var bitmap = SKBitmap.Decode(image);
        return bitmap.GetPixel(2, 2);
    }
}
