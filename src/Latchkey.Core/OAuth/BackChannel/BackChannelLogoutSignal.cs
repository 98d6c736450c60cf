using Latchkey.Core.Common;

namespace Latchkey.Core.OAuth.BackChannel;

/// <summary>Wakes <see cref="BackChannelLogoutSender"/> when a commit adds notices.</summary>
public sealed class BackChannelLogoutSignal : WakeSignal;
