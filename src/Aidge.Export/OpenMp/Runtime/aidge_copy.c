/* A byte copy; nothing to do when the memory plan put the target over its source (an in-place Reshape or Identity). */
static void aidge_copy(void* target, const void* source, int64_t bytes)
{
    if (bytes > 0 && target != source) {
        memcpy(target, source, (size_t)bytes);
    }
}
