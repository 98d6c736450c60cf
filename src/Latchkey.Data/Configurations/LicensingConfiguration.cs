using Latchkey.Core.Licensing;
using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class LicensePlanConfiguration : IEntityTypeConfiguration<LicensePlan>
{
    public void Configure(EntityTypeBuilder<LicensePlan> plan)
    {
        plan.ToTable("license_plans");
        plan.HasKey(p => p.Id);
        plan.Property(p => p.Code).HasMaxLength(64);
        plan.Property(p => p.Name).HasMaxLength(100);
        plan.Property(p => p.Entitlements).HasMaxLength(16000);
        plan.HasIndex(p => p.Code).IsUnique();
    }
}

internal sealed class LicenseConfiguration : IEntityTypeConfiguration<License>
{
    public void Configure(EntityTypeBuilder<License> license)
    {
        license.ToTable("licenses");
        license.HasKey(l => l.Id);
        license.HasOne<User>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        license.HasOne<LicensePlan>().WithMany().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Restrict);
        license.Property(l => l.Status).HasMaxLength(16);
        license.Property(l => l.Overrides).HasMaxLength(16000);
        license.Property(l => l.KeyPrefix).HasMaxLength(16);
        license.HasIndex(l => l.KeyHash).IsUnique();
        license.HasIndex(l => l.UserId);
        license.HasIndex(l => l.PlanId);
    }
}

internal sealed class LicenseActivationConfiguration : IEntityTypeConfiguration<LicenseActivation>
{
    public void Configure(EntityTypeBuilder<LicenseActivation> activation)
    {
        activation.ToTable("license_activations");
        activation.HasKey(a => a.Id);
        activation.HasOne<License>().WithMany().HasForeignKey(a => a.LicenseId).OnDelete(DeleteBehavior.Cascade);
        activation.Property(a => a.Fingerprint).HasMaxLength(LicenseKeyService.MaxFingerprintLength);
        activation.HasIndex(a => new { a.LicenseId, a.Fingerprint }).IsUnique();
    }
}

internal sealed class LicenseUsageConfiguration : IEntityTypeConfiguration<LicenseUsage>
{
    public void Configure(EntityTypeBuilder<LicenseUsage> usage)
    {
        usage.ToTable("license_usage");
        usage.HasKey(u => new { u.LicenseId, u.Feature, u.PeriodStart });
        usage.HasOne<License>().WithMany().HasForeignKey(u => u.LicenseId).OnDelete(DeleteBehavior.Cascade);
        usage.Property(u => u.Feature).HasMaxLength(64);
    }
}

internal sealed class LicenseUsageEventConfiguration : IEntityTypeConfiguration<LicenseUsageEvent>
{
    public void Configure(EntityTypeBuilder<LicenseUsageEvent> usageEvent)
    {
        usageEvent.ToTable("license_usage_events");
        usageEvent.HasKey(e => e.Id);
        usageEvent.HasOne<License>().WithMany().HasForeignKey(e => e.LicenseId).OnDelete(DeleteBehavior.Cascade);
        usageEvent.Property(e => e.IdempotencyKey).HasMaxLength(UsageService.MaxIdempotencyKeyLength);
        usageEvent.Property(e => e.Feature).HasMaxLength(64);
        usageEvent.HasIndex(e => new { e.LicenseId, e.IdempotencyKey }).IsUnique();
    }
}
