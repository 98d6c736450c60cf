using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Messaging;

/// <summary>Email, SMS, templates and the outbox dispatcher, with settings checked at start.</summary>
public static class MessagingServiceCollectionExtensions
{
    public static IServiceCollection AddLatchkeyMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection("Latchkey:Email")).ValidateDataAnnotations()
            .Validate(o => o.Mode != EmailOptions.SmtpMode || !string.IsNullOrWhiteSpace(o.Smtp.Host),
                "Latchkey:Email:Smtp:Host is required when Latchkey:Email:Mode is 'smtp'.")
            .Validate(o => o.Smtp.Port is > 0 and <= 65535, "Latchkey:Email:Smtp:Port must be between 1 and 65535.")
            .Validate(o => o.Smtp.TrustedCertificateFile is not { Length: > 0 } file || File.Exists(file),
                "Latchkey:Email:Smtp:TrustedCertificateFile does not name an existing file.")
            .Validate(o => o.From is null || System.Net.Mail.MailAddress.TryCreate(o.From, out _), "Latchkey:Email:From is not an email address.")
            .ValidateOnStart();
        services.AddOptions<SmsOptions>().Bind(configuration.GetSection("Latchkey:Sms")).ValidateDataAnnotations()
            .Validate(o => o.Mode != SmsOptions.TwilioMode || HasTwilioSettings(o.Twilio),
                "Latchkey:Sms:Twilio needs AccountSid, AuthToken and From (or MessagingServiceSid) when Latchkey:Sms:Mode is 'twilio'.")
            .Validate(o => Uri.TryCreate(o.Twilio.BaseUrl, UriKind.Absolute, out var u) && u.Scheme is "https" or "http",
                "Latchkey:Sms:Twilio:BaseUrl must be an absolute http(s) URL.")
            .ValidateOnStart();
        services.AddOptions<MessagingOptions>().Bind(configuration.GetSection("Latchkey:Messaging")).ValidateDataAnnotations()
            .Validate(o => string.IsNullOrEmpty(o.TemplatePath) || Directory.Exists(o.TemplatePath),
                "Latchkey:Messaging:TemplatePath does not name an existing folder.")
            .ValidateOnStart();

        services.AddSingleton<MessageTemplates>();
        services.AddSingleton<MessageContentProtector>();
        services.AddSingleton<MailMessageFactory>();
        services.AddSingleton<MessageDispatchSignal>();
        services.AddSingleton<SmtpCertificateTrust>();
        services.AddSingleton<SmtpEmailTransport>();
        services.AddSingleton<OutboxEmailTransport>();
        services.AddSingleton<OutboxSmsSender>();
        services.AddSingleton<TwilioSmsSender>();
        services.AddHttpClient(TwilioSmsSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<IEmailTransport>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Mode == EmailOptions.SmtpMode
            ? sp.GetRequiredService<SmtpEmailTransport>()
            : sp.GetRequiredService<OutboxEmailTransport>());
        services.AddSingleton<ISmsSender>(sp => sp.GetRequiredService<IOptions<SmsOptions>>().Value.Mode == SmsOptions.TwilioMode
            ? sp.GetRequiredService<TwilioSmsSender>()
            : sp.GetRequiredService<OutboxSmsSender>());
        services.AddScoped<MessageOutbox>();
        services.AddScoped<MessageDelivery>();
        services.AddSingleton<MessageDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<MessageDispatcher>());
        return services;
    }

    private static bool HasTwilioSettings(TwilioSettings t) =>
        !string.IsNullOrWhiteSpace(t.AccountSid) && !string.IsNullOrWhiteSpace(t.AuthToken)
        && (!string.IsNullOrWhiteSpace(t.From) || !string.IsNullOrWhiteSpace(t.MessagingServiceSid));
}
