static void aidge_copy(void* target, const void* source, int64_t bytes)
{
    if (bytes > 0) {
        memcpy(target, source, (size_t)bytes);
    }
}
