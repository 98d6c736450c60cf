using System.Text.Json;
using Latchkey.Core.OAuth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class ApiResourceConfiguration : IEntityTypeConfiguration<ApiResource>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<ApiResource> resource)
    {
        resource.ToTable("oauth_api_resources");
        resource.HasKey(r => r.Id);
        resource.Property(r => r.Identifier).HasMaxLength(200);
        resource.Property(r => r.Name).HasMaxLength(100);
        // The scopes are always read and written with their resource, so one JSON text column holds them
        // on both databases (and the whole table is read at once into the catalog).
        resource.Property(r => r.Scopes)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<ApiScope>>(v, Json) ?? new List<ApiScope>(),
                new ValueComparer<List<ApiScope>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s)), v => v.ToList()));
        resource.HasIndex(r => r.Identifier).IsUnique();
    }
}
