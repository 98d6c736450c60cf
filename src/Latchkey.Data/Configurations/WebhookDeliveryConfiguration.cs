using Latchkey.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        // No foreign key: deleting a webhook deletes its rows explicitly, and a sign-in that fans out to a
        // subscription deleted a moment earlier on another node must not fail on a constraint (the row is then
        // marked failed by the dispatcher).
        delivery.ToTable("webhook_deliveries");
        delivery.HasKey(d => d.Id);
        delivery.Property(d => d.EventType).HasMaxLength(64);
        delivery.Property(d => d.Status).HasMaxLength(16);
        delivery.Property(d => d.LastError).HasMaxLength(500);
        delivery.Ignore(d => d.MessageId);
        // The dispatcher's claim: pending rows that are due.
        delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
        // An endpoint's history, newest first.
        delivery.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
    }
}
