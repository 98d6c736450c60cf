using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.ToTable("users");
        user.HasKey(u => u.Id);
        user.Property(u => u.Email).HasMaxLength(UserNormalizer.MaxEmailLength);
        user.Property(u => u.NormalizedEmail).HasMaxLength(UserNormalizer.MaxEmailLength);
        user.HasIndex(u => u.NormalizedEmail).IsUnique();
        user.Property(u => u.Username).HasMaxLength(64);
        user.Property(u => u.NormalizedUsername).HasMaxLength(64);
        user.HasIndex(u => u.NormalizedUsername).IsUnique();
        user.Property(u => u.FirstName).HasMaxLength(100);
        user.Property(u => u.LastName).HasMaxLength(100);
        user.Property(u => u.AvatarUrl).HasMaxLength(2048);
        user.Property(u => u.PhoneNumber).HasMaxLength(16);
        user.HasIndex(u => u.PhoneNumber).IsUnique();
        user.Property(u => u.PasswordHash).HasMaxLength(512);
        user.Property(u => u.Role).HasMaxLength(32);
        user.Ignore(u => u.DisplayName);
        user.Property(u => u.DefaultRole).HasMaxLength(UserRoles.MaxRoleLength);
        user.Property(u => u.AllowedRoles).HasMaxLength(UserRoles.MaxAllowedRolesLength);
        user.Property(u => u.GroupRoles);
        user.Property(u => u.Locale).HasMaxLength(2);
        user.Property(u => u.Metadata).HasMaxLength(UserProfile.MaxMetadataLength);
        user.Property(u => u.ChosenDisplayName).HasMaxLength(UserProfile.MaxDisplayNameLength);
    }
}
