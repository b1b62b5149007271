<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Connector</name>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase of the private key %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The remembered secret was refused and has been forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: the key was not confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key is pinned and logged. Your team requires a team lead&apos;s approval for new host keys: files can be transferred once a lead has approved it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: the server&apos;s host key has changed (pinned %1, now %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the connection profile %1? Pinned host keys stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>This session does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session has no recorded agreement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agreement of this session was erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer did not agree: no files can be transferred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agreement of this session does not cover file transfers; record a new agreement for a file-transfer session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agreement does not name a purpose the policy allows for file transfers: a purchased service with its order reference, or support with its ticket reference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session has not started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session has ended; start a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server needs a password or a key passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event could not be written to the session log, so nothing more was started. Try again when the database answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database did not answer, and it is not known whether the event was logged; nothing more was started. Try again when the database answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose password or private key authentication.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the private key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host name is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer already has a profile with that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed or deleted this profile meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server already has a pinned key; only a lead or admin can replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fingerprint must be SHA256:… as OpenSSH prints it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not pin host keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a lead or admin can approve a host key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a lead or admin can replace a host key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an admin can change this setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key is not waiting for approval any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pinned key changed meanwhile; look again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s name was not found (DNS). Check the spelling, or whether a VPN is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the connection: nothing answers on that port, or a firewall blocks it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the network or the VPN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the login: wrong user name, password or key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s host key has changed. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s host key is not trusted yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission denied: the account may not read or write there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local disk is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk quota is used up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name was refused as unsafe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file with that name already exists; nothing was overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file changed while it was being transferred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transfer failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FingerprintDialog</name>
    <message>
        <source>Confirm the server&apos;s fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the first connection to %1. Ask the customer to read out the fingerprint of the server&apos;s host key (for example from ssh-keygen -lf) and compare it with the one below, character by character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When you confirm, the key is pinned for the whole team and the pin is logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When you confirm, the key is pinned and logged, and waits for a team lead&apos;s approval before files can be transferred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fingerprints match: confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They differ: cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyChangedDialog</name>
    <message>
        <source>Warning: the server&apos;s host key has changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key of %1 is not the one pinned for the team. This can mean that someone is intercepting the connection, or that the server was reinstalled. Nothing was sent and nothing was transferred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint now presented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a team lead or admin can replace the pinned key, after checking it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the pinned key only after the customer has confirmed the new fingerprint. The replacement is logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace pinned key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PendingKeysDialog</name>
    <message>
        <source>Host keys waiting for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New host keys need a team lead&apos;s approval</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Connection profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the account&apos;s home folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote start folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords and key passphrases are asked for when connecting and kept only in the system keyring if you choose to remember them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the profile a name and a user name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry failed (resumes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transfer of %1 could not be written to the session log, so the queue was stopped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace existing files?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) already exist %1 and were not transferred: %2. Replace them?</source>
        <translation>
            <numerusform>%Ln file already exists %1 and was not transferred: %2. Replace it?</numerusform>
            <numerusform>%Ln files already exist %1 and were not transferred: %2. Replace them?</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <source>Sign in to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransfersModels</name>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link (not followed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done, verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransfersView</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host keys waiting for approval…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File-transfer session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a demo profile: the demo server is not reachable, so connecting fails with “refused”. Create a profile for a real server to transfer files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume interrupted downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloads go to this folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip: drop files or folders on the server&apos;s list to upload them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no open file-transfer session. Start one from Sessions: record the customer&apos;s agreement with the scope “file transfer” and its purpose, a purchased service with its order reference or support with its ticket reference. Files can only be transferred inside such a session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchased service, order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support, ticket %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load from the database: %1 Press Refresh to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 (host key %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers are still running. Cancel them and disconnect?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused names and links are not downloaded; the rest is queued.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
