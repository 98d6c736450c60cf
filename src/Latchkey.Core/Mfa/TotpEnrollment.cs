using QRCoder;

namespace Latchkey.Core.Mfa;

/// <summary>What a client shows to enroll an authenticator app: the otpauth URI, as text and as a QR code.</summary>
public sealed record TotpEnrollment(string Secret, string OtpAuthUri, string QrCodePng, string QrCodeSvg)
{
    public static TotpEnrollment Create(byte[] key, string issuer, string account)
    {
        var secret = Base32.Encode(key);
        // Key Uri Format: label "issuer:account", issuer repeated as a parameter for newer apps.
        var label = Uri.EscapeDataString(issuer) + ":" + Uri.EscapeDataString(account);
        var uri = $"otpauth://totp/{label}?secret={secret}&issuer={Uri.EscapeDataString(issuer)}" +
                  $"&algorithm=SHA1&digits={Totp.Digits}&period={Totp.StepSeconds}";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        var svg = new SvgQRCode(data).GetGraphic(6);
        return new TotpEnrollment(secret, uri, "data:image/png;base64," + Convert.ToBase64String(png), svg);
    }
}
