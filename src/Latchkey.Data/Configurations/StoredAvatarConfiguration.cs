using Latchkey.Core.Account;
using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class StoredAvatarConfiguration : IEntityTypeConfiguration<StoredAvatar>
{
    public void Configure(EntityTypeBuilder<StoredAvatar> avatar)
    {
        avatar.ToTable("user_avatars");
        avatar.HasKey(a => a.UserId);
        avatar.HasOne<User>().WithOne().HasForeignKey<StoredAvatar>(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        avatar.Property(a => a.ETag).HasMaxLength(32);
    }
}
