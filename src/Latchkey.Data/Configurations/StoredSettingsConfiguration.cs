using Latchkey.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class StoredSettingsConfiguration : IEntityTypeConfiguration<StoredSettings>
{
    public void Configure(EntityTypeBuilder<StoredSettings> settings)
    {
        // One row (id 1): the runtime settings document and the version every node polls.
        settings.ToTable("runtime_settings");
        settings.HasKey(s => s.Id);
        settings.Property(s => s.Id).ValueGeneratedNever();
        settings.Property(s => s.Document).HasMaxLength(16_000);
    }
}
