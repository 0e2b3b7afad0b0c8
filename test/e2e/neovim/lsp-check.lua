-- Headless neovim as a second, independent LSP client: attaches the Corpus
-- Lens server to one seed file with neovim's built-in client, waits for the
-- diagnostics it publishes, asks for a hover on a figure, and writes what it
-- got as JSON for test/e2e/neovim.mjs to assert on. Parameters come from the
-- environment (CL_NODE, CL_SERVER, CL_ROOT, CL_FILE, CL_NEEDLE, CL_OUT, CL_TIMEOUT_MS).
local env = function(name)
  local value = os.getenv(name)
  if not value or value == '' then error('missing ' .. name) end
  return value
end
local timeout = tonumber(env('CL_TIMEOUT_MS'))
local out = { nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch) }

local function finish()
  local f = assert(io.open(env('CL_OUT'), 'w'))
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(env('CL_FILE')))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'seed'
  local uri = vim.uri_from_bufnr(bufnr)
  local root = env('CL_ROOT')

  local config = {
    name = 'corpus-lens',
    cmd = { env('CL_NODE'), env('CL_SERVER'), '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, result, ctx, cfg)
        -- The first publish may be empty while the corpus is indexed; keep the first non-empty one.
        if result and result.uri == uri and #result.diagnostics > 0 and not out.diagnostics then
          out.diagnostics = result.diagnostics
        end
        return vim.lsp.diagnostic.on_publish_diagnostics(e, result, ctx, cfg)
      end,
    },
  }
  local client_id
  if vim.lsp.start then -- neovim >= 0.8
    client_id = vim.lsp.start(config, { bufnr = bufnr })
  else -- Debian 12 ships 0.7
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  if not client_id then error('the language client did not start') end

  -- vim.wait runs the event loop until the condition holds (checked on each event and every 20 ms).
  if not vim.wait(timeout, function() return out.diagnostics ~= nil end, 20) then
    out.diagnosticsTimedOut = true
  end
  local client = vim.lsp.get_client_by_id(client_id)
  if not client then error('the language server is not running: it exited or never started') end
  out.hoverProvider = client.server_capabilities and client.server_capabilities.hoverProvider or false

  -- Hover on the needle's second character (it starts with the figure): find it, convert the byte column to UTF-16.
  local needle = env('CL_NEEDLE')
  local position
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local s = string.find(line, needle, 1, true)
    if s then
      local _, utf16 = vim.str_utfindex(line, s - 1)
      position = { line = i - 1, character = utf16 + 1 }
      break
    end
  end
  if not position then error('needle not found: ' .. needle) end
  out.hoverPosition = position
  local done = false
  client.request('textDocument/hover', { textDocument = { uri = uri }, position = position }, function(e, result)
    out.hoverError = e and (e.message or tostring(e)) or nil
    out.hover = result
    done = true
  end, bufnr)
  if not vim.wait(timeout, function() return done end, 20) then out.hoverTimedOut = true end
  client.stop()
end)
if not ok then out.error = tostring(err) end
finish()
