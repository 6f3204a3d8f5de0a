-- What the Neovim drivers share: starting confnotes-language-server on a buffer as a real client,
-- asking it things, and writing the result as JSON before quitting (a Lua error in headless
-- Neovim would otherwise leave it running).
-- Env: CONFNOTES_SERVER (the server bin), CONFNOTES_OUT (where the JSON goes).
local M = { result = {} }

function M.finish(code)
  local f = io.open(os.getenv('CONFNOTES_OUT'), 'w')
  f:write(vim.fn.json_encode(M.result))
  f:close()
  for _, client in pairs(vim.lsp.get_active_clients()) do client.stop() end
  vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
  if code == 0 then vim.cmd('qall!') else vim.cmd('cquit ' .. code) end
end

-- Starts the server for `buf` (0.7 has no vim.lsp.start) and waits for `initialized`. `state`
-- gets `exited` when the server dies, so every wait can stop at once.
function M.start(buf, root_dir, handlers, state)
  local id = vim.lsp.start_client({
    name = 'confnotes',
    cmd = { os.getenv('CONFNOTES_SERVER'), '--stdio' },
    root_dir = root_dir,
    get_language_id = function() return 'confnotes' end,
    capabilities = vim.lsp.protocol.make_client_capabilities(), -- Neovim's defaults, made explicit to read them back
    handlers = handlers,
    on_init = function() state.initialized = true end,
    on_exit = function() state.exited = true end,
  })
  vim.lsp.buf_attach_client(buf, id)
  if not vim.wait(10000, function() return state.initialized or state.exited end, 20) or state.exited then
    M.result.error = 'server did not initialize'
    M.finish(2)
  end
  return id
end

-- Opens the notes file, starts the server on it and waits for its first publishDiagnostics
-- (recorded in `state.published`, even an empty one). Returns the buffer, the client id and state.
function M.open_notes(file)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  vim.bo.filetype = 'confnotes' -- -u NONE: no filetype detection
  local buf = vim.api.nvim_get_current_buf()
  local state = {}
  local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  local id = M.start(buf, vim.fn.getcwd(), {
    ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
      state.published = params
      return default_publish(err, params, ctx, config)
    end,
  }, state)
  M.wait_for(state, 'no publishDiagnostics', function() return state.published ~= nil end)
  return buf, id, state
end

-- Waits until `ready()` holds, or fails the run with `what`.
function M.wait_for(state, what, ready)
  if not vim.wait(10000, function() return ready() or state.exited end, 20) or state.exited then
    M.result.error = what
    M.finish(2)
  end
end

function M.request(buf, id, method, params)
  local responses = vim.lsp.buf_request_sync(buf, method, params, 10000)
  local response = responses and responses[id]
  if not response or response.err then error(method .. ' failed: ' .. vim.inspect(response and response.err)) end
  return response.result
end

-- The diagnostics as Neovim keeps them (0-based lnum, byte columns).
function M.diagnostics(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out, { lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, code = d.code, message = d.message })
  end
  return out
end

function M.run(main)
  local ok, err = xpcall(main, debug.traceback)
  if not ok then
    M.result.error = tostring(err)
    M.finish(1)
  end
end

return M
