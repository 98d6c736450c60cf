using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Webhooks;

/// <summary>The outbox row is written in the activity row's transaction: it exists if and only if the action committed.</summary>
public sealed class WebhookOutboxTests(WebhookServer server) : IClassFixture<WebhookServer>
{
    [Fact]
    public async Task An_action_that_rolls_back_leaves_no_outbox_row_and_one_that_commits_leaves_one_per_subscription()
    {
        var root = await server.RootAsync();
        var (all, _) = await root.CreateWebhookAsync("http://127.0.0.1:9/all", "*");
        var (logins, _) = await root.CreateWebhookAsync("http://127.0.0.1:9/logins", "login.success");
        var (others, _) = await root.CreateWebhookAsync("http://127.0.0.1:9/others", "logout");
        await (await root.PutJsonAsync($"/api/admin/webhooks/{others}", new { events = new[] { "login.success" }, active = false })).OkAsync();

        var rolledBack = Guid.NewGuid();
        await Assert.ThrowsAsync<InvalidOperationException>(() => RecordLoginAsync(rolledBack, fail: true));
        Assert.Equal((0, 0), await CountAsync(rolledBack));

        var committed = Guid.NewGuid();
        await RecordLoginAsync(committed, fail: false);
        Assert.Equal((1, 2), await CountAsync(committed));
        var rows = await server.QueryAsync(db => db.WebhookDeliveries.AsNoTracking().Where(d => d.Payload.Contains(committed.ToString())).ToListAsync());
        Assert.Equal(new[] { all, logins }.Order(), rows.Select(r => r.SubscriptionId).Order());
        Assert.All(rows, r => Assert.Equal("login.success", r.EventType));

        // An activity type that is no webhook event queues nothing.
        var quiet = Guid.NewGuid();
        await RecordAsync(ActivityTypes.SessionElevated, quiet, fail: false);
        Assert.Equal((1, 0), await CountAsync(quiet));
        foreach (var id in new[] { all, logins, others }) await (await root.DeleteAsync($"/api/admin/webhooks/{id}")).OkAsync();
    }

    private Task RecordLoginAsync(Guid userId, bool fail) => RecordAsync(ActivityTypes.LoginSucceeded, userId, fail);

    // The server's own services on its real database: record, save inside a transaction, then fail (or not) before commit.
    private async Task RecordAsync(string type, Guid userId, bool fail)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var activity = scope.ServiceProvider.GetRequiredService<ActivityLog>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        await unitOfWork.InTransactionAsync(async ct =>
        {
            activity.Record(type, userId, new RequestContext("203.0.113.9", "tests"), details: new { method = "password" });
            await unitOfWork.SaveChangesAsync(ct);
            if (fail) throw new InvalidOperationException("the action fails after its rows were written");
            return 0;
        }, CancellationToken.None);
    }

    private Task<(int Activity, int Outbox)> CountAsync(Guid userId) => server.QueryAsync(async db =>
        (await db.Activity.CountAsync(a => a.UserId == userId),
         await db.WebhookDeliveries.CountAsync(d => d.Payload.Contains(userId.ToString()))));
}
