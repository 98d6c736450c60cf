using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Messaging;

/// <summary>Bound from <c>Latchkey:Email</c>.</summary>
public sealed class EmailOptions
{
    public const string OutboxMode = "outbox";
    public const string SmtpMode = "smtp";

    /// <summary><c>outbox</c> (development: .eml files plus a log line) or <c>smtp</c>.</summary>
    [RegularExpression("^(outbox|smtp)$", ErrorMessage = "Latchkey:Email:Mode must be 'outbox' or 'smtp'.")]
    public string Mode { get; set; } = OutboxMode;

    [Required]
    public string OutboxPath { get; set; } = "data/outbox";

    /// <summary>The sender address; defaults to no-reply at the public URL's host.</summary>
    public string? From { get; set; }

    /// <summary>The sender's display name; defaults to the product name.</summary>
    public string? FromName { get; set; }

    public SmtpSettings Smtp { get; set; } = new();
}

public sealed class SmtpSettings
{
    public const string None = "none";
    public const string StartTls = "starttls";
    public const string StartTlsWhenAvailable = "starttls-when-available";
    public const string Tls = "tls";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>
    /// <c>starttls</c> (default: the connection must be upgraded, or nothing is sent), <c>tls</c> (implicit TLS, port
    /// 465), <c>starttls-when-available</c> (upgrade if offered: exposed to a downgrade, for relays that cannot do
    /// better) or <c>none</c> (a local relay only).
    /// </summary>
    [RegularExpression("^(none|starttls|starttls-when-available|tls)$",
        ErrorMessage = "Latchkey:Email:Smtp:Security must be 'starttls', 'tls', 'starttls-when-available' or 'none'.")]
    public string Security { get; set; } = StartTls;

    public string? Username { get; set; }
    public string? Password { get; set; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>A PEM certificate (a private CA or the server's own) trusted for the SMTP server besides the system's roots.</summary>
    public string? TrustedCertificateFile { get; set; }
}
